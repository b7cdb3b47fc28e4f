package checkimage.auth

import spock.lang.Specification
import spock.lang.Unroll

class ScopeSpec extends Specification {

    @Unroll("#text -> #type | #name | #actions")
    def "a scope splits its type at the first colon and its actions at the last"(String text, String type,
            String name, List<String> actions) {
        when:
        Scope scope = Scope.parse(text)

        then:
        scope == new Scope(type, name, actions)
        scope.toString() == text

        where:
        text                                         || type                 | name                     | actions
        'repository:library/ubuntu:pull'             || 'repository'         | 'library/ubuntu'         | ['pull']
        'repository:samalba/my-app:pull,push'        || 'repository'         | 'samalba/my-app'         | ['pull', 'push']
        'repository:localhost:5000/app:pull'         || 'repository'         | 'localhost:5000/app'     | ['pull']
        'repository:ghcr.io:443/a/b:pull,push,delete'|| 'repository'         | 'ghcr.io:443/a/b'        | ['pull', 'push', 'delete']
        'repository(plugin):vieux/sshfs:pull'        || 'repository(plugin)' | 'vieux/sshfs'            | ['pull']
        'registry:catalog:*'                         || 'registry'           | 'catalog'                | ['*']
        'repository:a:b:c:pull'                      || 'repository'         | 'a:b:c'                  | ['pull']
    }

    @Unroll("#text -> #message")
    def "an invalid scope is rejected with a message naming it"(String text, String message) {
        when:
        Scope.parse(text)

        then:
        IllegalArgumentException e = thrown()
        e.message == message

        where:
        text                            || message
        ''                              || "invalid scope '': expected resourcetype:resourcename:action[,action]"
        'repository'                    || "invalid scope 'repository': expected resourcetype:resourcename:action[,action]"
        'repository:library/ubuntu'     || "invalid scope 'repository:library/ubuntu': expected resourcetype:resourcename:action[,action]"
        'repository::pull'              || "invalid scope 'repository::pull': invalid resource name '': expected non-empty, without whitespace, control characters or '\"'"
        ':name:pull'                    || "invalid scope ':name:pull': invalid resource type '': expected letters and digits, optionally followed by (class)"
        'repo-sitory:name:pull'         || "invalid scope 'repo-sitory:name:pull': invalid resource type 'repo-sitory': expected letters and digits, optionally followed by (class)"
        'repository(plugin:name:pull'   || "invalid scope 'repository(plugin:name:pull': invalid resource type 'repository(plugin': expected letters and digits, optionally followed by (class)"
        'repository:na me:pull'         || "invalid scope 'repository:na me:pull': invalid resource name 'na me': expected non-empty, without whitespace, control characters or '\"'"
        'repository:"x":pull'           || "invalid scope 'repository:\"x\":pull': invalid resource name '\"x\"': expected non-empty, without whitespace, control characters or '\"'"
        'repository:name:'              || "invalid scope 'repository:name:': invalid action '': expected letters, digits, '-', '_' or '*'"
        'repository:name:pull,'         || "invalid scope 'repository:name:pull,': invalid action '': expected letters, digits, '-', '_' or '*'"
        'repository:name:pull\n'        || "invalid scope 'repository:name:pull?': invalid action 'pull?': expected letters, digits, '-', '_' or '*'"
    }

    def "repositoryPull is the scope needed to pull a repository"() {
        expect:
        Scope.repositoryPull('library/ubuntu').toString() == 'repository:library/ubuntu:pull'
        Scope.repositoryPull('localhost:5000/app') == new Scope('repository', 'localhost:5000/app', ['pull'])
    }

    def "actions are an immutable copy"() {
        given:
        List<String> actions = ['pull']
        Scope scope = new Scope('repository', 'app', actions)

        when:
        actions << 'push'

        then:
        scope.actions() == ['pull']

        when:
        scope.actions().add('delete')

        then:
        thrown(UnsupportedOperationException)
    }

    def "a scope needs at least one action"() {
        when:
        new Scope('repository', 'app', [])

        then:
        IllegalArgumentException e = thrown()
        e.message == 'a scope needs at least one action'
    }

    @Unroll("'#text' -> #expected")
    def "a scope list from a server splits on spaces and leaves out what it cannot parse"(String text,
            List<String> expected) {
        expect:
        Scope.parseAll(text)*.toString() == expected

        where:
        text                                                   || expected
        ''                                                     || []
        '   '                                                  || []
        'repository:a/b:pull'                                  || ['repository:a/b:pull']
        'repository:a:pull repository:b:pull,push'             || ['repository:a:pull', 'repository:b:pull,push']
        '  repository:a:pull    registry:catalog:*  '          || ['repository:a:pull', 'registry:catalog:*']
        'garbage repository:a:pull repository:b:'              || ['repository:a:pull']
    }
}
