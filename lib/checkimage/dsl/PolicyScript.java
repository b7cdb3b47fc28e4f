package checkimage.dsl;

import groovy.lang.Binding;
import groovy.lang.GroovyInterceptable;
import groovy.lang.Script;

/**
 * The base class of every policy script. It only routes: each call and each bare word goes to the
 * {@link TopLevelDelegate} of the load, so the top level behaves like any other block and Groovy's own script
 * methods ({@code println}, {@code evaluate}, {@code run}) are unknown keywords, never run.
 */
public abstract class PolicyScript extends Script implements GroovyInterceptable {

    private TopLevelDelegate policy;

    protected PolicyScript() {}

    protected PolicyScript(Binding binding) {
        super(binding);
    }

    void attach(TopLevelDelegate topLevel) {
        this.policy = topLevel;
    }

    @Override
    public Object invokeMethod(String name, Object args) {
        return topLevel().invokeMethod(name, args);
    }

    @Override
    public Object getProperty(String name) {
        return topLevel().getProperty(name);
    }

    @Override
    public void setProperty(String name, Object value) {
        topLevel().setProperty(name, value);
    }

    private TopLevelDelegate topLevel() {
        if (policy == null) {
            throw new IllegalStateException("a policy script runs only through PolicyLoader");
        }
        return policy;
    }
}
