///usr/bin/env jbang "$0" "$@" ; exit $?
// spotless:off (the formatter must leave JBang's directives as they are)
//JAVA 17+
//DEPS info.picocli:picocli:4.7.7
//DEPS org.apache.httpcomponents.client5:httpclient5:5.6.5
//DEPS org.slf4j:slf4j-nop:1.7.36
//DEPS org.yaml:snakeyaml:2.5
//DEPS com.fasterxml.jackson.core:jackson-core:2.22.3
//DEPS org.tomlj:tomlj:1.1.1
//DEPS org.apache.groovy:groovy:4.0.33
//SOURCES lib/**/*.java
//JAVAC_OPTIONS --release 17 -XDstringConcat=inline
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xshare:auto -Xlog:cds*=off -Dsun.reflect.inflationThreshold=2147483647
//CDS
//DESCRIPTION Can these container images be pulled? Checks Docker/OCI registries over the v2 protocol.
//DESCRIPTION Example: jbang check-image.java nginx:1.27 ghcr.io/acme/app@sha256:... --output json
// spotless:on

package checkimage;

/** The check-image command; everything lives in lib/ (see README.md). In a package so `jbang -i` can see lib/. */
class CheckImage {
    public static void main(String[] args) {
        checkimage.cli.Main.run(args);
    }
}
