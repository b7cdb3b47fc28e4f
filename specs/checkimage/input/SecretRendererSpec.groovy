package checkimage.input

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

class SecretRendererSpec extends Specification {

    @Shared
    Secrets secrets = Secrets.parse('''\
        docker:
          username: bot
          password: pa55
          nested:
            deep: down
        token: tok
        list: [first, second]
        a:
          list:
            - b: in-list-0
            - b: in-list-1
        octal: 0777
        yes-ish: yes
        float: 1.50
        date: 2020-01-02
        empty: ""
        nothing: ~
        html: <b>&"'</b>
        "0": zero-key
        '''.stripIndent(), 'secrets.yaml')

    @Shared
    SecretRenderer renderer = new SecretRenderer(secrets)

    @Unroll("#template -> #expected")
    def "placeholders are replaced by the scalar text of the named secret"(String template, String expected) {
        expect:
        renderer.render(template, 'job.yaml', 'prerequisites[0].auth.password') == expected

        where:
        template                                     || expected
        'plain text'                                 || 'plain text'
        ''                                           || ''
        '<% $secrets.token %>'                       || 'tok'
        '<%$secrets.token%>'                         || 'tok'
        '<%   $secrets.token\t %>'                   || 'tok'
        '<% $secrets.docker.password %>'             || 'pa55'
        '<% $secrets.docker.nested.deep %>'          || 'down'
        '<% $secrets.list[0] %>'                     || 'first'
        '<% $secrets.list[1] %>'                     || 'second'
        '<% $secrets.list.1 %>'                      || 'second'
        '<% $secrets.a.list[1].b %>'                 || 'in-list-1'
        '<% $secrets.a.list[0].b %>'                 || 'in-list-0'
        '<% $secrets.docker.username %>:<% $secrets.docker.password %>' || 'bot:pa55'
        'pre-<% $secrets.token %>-post'              || 'pre-tok-post'
        '<% $secrets.octal %>'                       || '0777'
        '<% $secrets.yes-ish %>'                     || 'yes'
        '<% $secrets.float %>'                       || '1.50'
        '<% $secrets.date %>'                        || '2020-01-02'
        '<% $secrets.empty %>'                       || ''
        '<% $secrets.nothing %>'                     || ''
        '<% $secrets.html %>'                        || '<b>&"\'</b>'
        '<% $secrets[0] %>'                          || 'zero-key'
        'a lone %> stays'                            || 'a lone %> stays'
    }

    @Unroll("#template -> #message")
    def "an unknown key names the key path, the field and the known key names, never a value"(
            String template, String message) {
        when:
        renderer.render(template, 'jobs/train.yaml', 'prerequisites[0].auth.password')

        then:
        InputException e = thrown()
        e.message == "jobs/train.yaml: prerequisites[0].auth.password: ${message}"

        where:
        template                            || message
        '<% $secrets.tokn %>'               || "unknown secret key 'tokn' (secrets from secrets.yaml; known top-level keys: docker, token, list, a, octal, yes-ish, float, date, empty, nothing, html, 0)"
        '<% $secrets.docker.pasword %>'     || "unknown secret key 'docker.pasword' (secrets from secrets.yaml; known keys under 'docker': username, password, nested)"
        '<% $secrets.list[2] %>'            || "unknown secret key 'list[2]' (secrets from secrets.yaml; 'list' has 2 entries)"
        '<% $secrets.list.x %>'             || "unknown secret key 'list.x' (secrets from secrets.yaml; 'list' is a list, index it like [0])"
        '<% $secrets.token.x %>'            || "unknown secret key 'token.x' (secrets from secrets.yaml; 'token' is a single value, not a map or list)"
        '<% $secrets.a.list[0].c %>'        || "unknown secret key 'a.list[0].c' (secrets from secrets.yaml; known keys under 'a.list[0]': b)"
        '<% $secrets.docker %>'             || "secret key 'docker' names a map, not a single value (secrets from secrets.yaml)"
        '<% $secrets.list %>'               || "secret key 'list' names a list, not a single value (secrets from secrets.yaml)"
    }

    @Unroll("#template -> #why")
    def "a malformed placeholder names the field and the position, not the field's text"(String template, String why) {
        when:
        renderer.render(template, 'job.yaml', 'prerequisites[1].auth.username')

        then:
        InputException e = thrown()
        e.message.startsWith('job.yaml: prerequisites[1].auth.username: bad secret placeholder at character ')
        e.message.contains(why)
        e.message.endsWith('write it like <% $secrets.docker.password %> or <% $secrets.list[0].key %>')

        where:
        template                     || why
        'ab<% $secrets.token'        || "at character 3: '<%' is not closed by '%>'"
        '<% secrets.token %>'        || "at character 1: it does not start with '\$secrets'"
        '<% token %>'                || "it does not start with '\$secrets'"
        '<% %>'                      || "it does not start with '\$secrets'"
        '<% $secrets %>'             || 'it names no key below $secrets'
        '<% $secrets. %>'            || "a key name after '.' is empty"
        '<% $secrets..a %>'          || "a key name after '.' is empty"
        '<% $secrets.a b %>'         || 'spaces are not allowed inside a key'
        '<% $secrets.list[x] %>'     || "'[' must hold a list index and be closed, like [0]"
        '<% $secrets.list[] %>'      || "'[' must hold a list index and be closed, like [0]"
        '<% $secrets.list[0 %>'      || "'[' must hold a list index and be closed, like [0]"
        '<% $secretsX %>'            || "expected '.' or '[' between key names"
        '<% $secrets.a]b %>'         || "expected '.' or '[' between key names"
        'ok <% $secrets.token %> <%' || "at character 25: '<%' is not closed by '%>'"
    }

    def "a malformed plain-text password is never quoted in the error"() {
        when:
        renderer.render('hunter2<%s3cret', 'job.yaml', 'prerequisites[0].auth.password')

        then:
        InputException e = thrown()
        !e.message.contains('hunter2')
        !e.message.contains('s3cret')
    }

    def "with no secrets at all a placeholder is an error that says how to give them"() {
        when:
        new SecretRenderer(Secrets.none()).render('<% $secrets.token %>', 'job.yaml', 'prerequisites[0].auth.password')

        then:
        InputException e = thrown()
        e.message == "job.yaml: prerequisites[0].auth.password: unknown secret key 'token' (no secrets were given:" +
                ' pass a secrets file or add them as a second YAML document)'
    }

    def "an empty secrets file has no keys, and says so"() {
        given:
        SecretRenderer empty = new SecretRenderer(Secrets.parse('', 'secrets.yaml'))

        when:
        empty.render('<% $secrets.token %>', 'job.yaml', 'p.auth.password')

        then:
        InputException e = thrown()
        e.message == "job.yaml: p.auth.password: unknown secret key 'token' (secrets from secrets.yaml; there are no keys)"
    }

    def "only the first twenty key names are listed"() {
        given:
        String yaml = (1..25).collect { "k${it}: v" }.join('\n')
        SecretRenderer many = new SecretRenderer(Secrets.parse(yaml, 'secrets.yaml'))

        when:
        many.render('<% $secrets.nope %>', 'job.yaml', 'f')

        then:
        InputException e = thrown()
        e.message.endsWith('k18, k19, k20, ...)')
        !e.message.contains('k21')
    }

    def "secrets print where they came from and their key names, never values"() {
        expect:
        secrets.toString() == 'Secrets[from secrets.yaml; keys: docker, token, list, a, octal, yes-ish, float, date, empty, nothing, html, 0]'
        Secrets.none().toString() == 'Secrets[none]'
        secrets.topLevelKeys().take(2) == ['docker', 'token']
        secrets.origin() == Optional.of('secrets.yaml')
        Secrets.none().origin() == Optional.empty()
    }

    @Unroll("secrets document #yaml -> #message")
    def "secrets must be one YAML map"(String yaml, String message) {
        when:
        Secrets.parse(yaml, 'secrets.yaml')

        then:
        InputException e = thrown()
        e.message == "secrets.yaml: ${message}"

        where:
        yaml              || message
        '- a\n- b\n'      || 'expected a map of secrets at the top level, got a list'
        'just-text'       || 'expected a map of secrets at the top level, got a string'
        'a: 1\n---\nb: 2' || 'expected one YAML document of secrets, found more'
    }
}
