package checkimage.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.GroovyInterceptable;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MissingMethodException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What every block's delegate shares: only its {@link Keyword} methods can be called, anything else (a typo,
 * a keyword of another block, Groovy's {@code println} or {@code evaluate}) is an unknown keyword, and wrong
 * arguments say what the keyword expects. Errors read like Job DSL's:
 * {@code unknown keyword 'alow' in registry 'ghcr.io'; expected one of: caFile, credentials, ...}.
 *
 * <p>The keywords of a block, and which of them open a nested block, are read from the {@link Keyword} and
 * {@link DelegatesTo} annotations; {@link PolicyGrammar} checks keyword names against the same table when the
 * policy compiles, because inside a closure Groovy resolves the closure's own methods ({@code println},
 * {@code with}) before it asks the delegate.
 */
public abstract class BlockDelegate extends GroovyObjectSupport implements GroovyInterceptable {

    final ScriptContext context;
    private final String where;
    private final SortedMap<String, String> keywords;
    private final Map<String, Integer> given = new HashMap<>();

    /**
     * @param where where this block is, for messages: empty at the top level, else from {@link #nestedWhere}
     */
    BlockDelegate(ScriptContext context, String where) {
        this.context = context;
        this.where = where;
        this.keywords = keywordsOf(getClass());
    }

    /** Calls a keyword; any other name is {@link #methodMissing}. */
    @Override
    public Object invokeMethod(String name, Object args) {
        if (!keywords.containsKey(name)) {
            return methodMissing(name, args);
        }
        try {
            return getMetaClass().invokeMethod(this, name, args);
        } catch (MissingMethodException e) {
            if (name.equals(e.getMethod()) && e.getType() == getClass()) {
                throw wrongArguments(name, arguments(args));
            }
            throw e;
        }
    }

    /** A call no keyword method takes: an unknown keyword, or a keyword with the wrong arguments. */
    public Object methodMissing(String name, Object args) {
        throw keywords.containsKey(name) ? wrongArguments(name, arguments(args)) : unknownKeyword(name);
    }

    /** A bare word that is not a keyword. */
    public Object propertyMissing(String name) {
        throw unknownKeyword(name);
    }

    /** A bare word: a keyword written without its arguments, or {@link #propertyMissing}. */
    @Override
    public Object getProperty(String name) {
        if (!keywords.containsKey(name)) {
            return propertyMissing(name);
        }
        if (Keyword.NO_ARGUMENTS.equals(keywords.get(name))) {
            throw new ScriptProblem(name + " is written " + name + "(), with parentheses");
        }
        throw wrongArguments(name);
    }

    @Override
    public void setProperty(String name, Object value) {
        propertyMissing(name);
    }

    /** Runs a nested block on {@code delegate} with {@code DELEGATE_ONLY}, so nothing falls through to the script. */
    static <T extends BlockDelegate> T run(Closure<?> body, T delegate) {
        Closure<?> block = body.rehydrate(delegate, body.getOwner(), body.getThisObject());
        block.setResolveStrategy(Closure.DELEGATE_ONLY);
        block.call();
        return delegate;
    }

    /** Records that a single-valued keyword was given; the second time is a problem naming the first line. */
    void once(String keyword) {
        int line = context.line();
        Integer first = given.putIfAbsent(keyword, line);
        if (first != null) {
            throw new ScriptProblem(keyword + " is given twice (first at line " + first + ")");
        }
    }

    /** A block argument is required: {@code registry('x')} without braces names what is expected. */
    void requireBlock(String keyword, Closure<?> body, Object... arguments) {
        if (body == null) {
            throw wrongArguments(keyword, arguments);
        }
    }

    /** Where this block is, for messages: empty at the top level, e.g. {@code  in registry 'ghcr.io'}. */
    String where() {
        return where;
    }

    ScriptProblem unknownKeyword(String name) {
        return new ScriptProblem(unknownKeyword(name, where, keywords.keySet()));
    }

    ScriptProblem wrongArguments(String keyword, Object... arguments) {
        return new ScriptProblem(keyword + " expects " + keywords.get(keyword) + ", got " + describe(arguments));
    }

    /** The keywords of a block's delegate, sorted, with what each expects. */
    static SortedMap<String, String> keywordsOf(Class<?> block) {
        SortedMap<String, String> found = new TreeMap<>();
        for (Method method : block.getMethods()) {
            Keyword keyword = method.getAnnotation(Keyword.class);
            if (keyword != null) {
                found.put(method.getName(), keyword.value());
            }
        }
        return Collections.unmodifiableSortedMap(found);
    }

    /** The delegate of the block {@code keyword} opens in {@code block}, or {@code null} if it opens none. */
    static Class<?> nestedBlockOf(Class<?> block, String keyword) {
        for (Method method : block.getMethods()) {
            if (method.getName().equals(keyword) && method.isAnnotationPresent(Keyword.class)) {
                for (Parameter parameter : method.getParameters()) {
                    DelegatesTo delegatesTo = parameter.getAnnotation(DelegatesTo.class);
                    if (delegatesTo != null) {
                        return delegatesTo.value();
                    }
                }
            }
        }
        return null;
    }

    /**
     * Where a nested block is: {@code  in tags}, {@code  in registry 'ghcr.io'}, and inside that
     * {@code  in credentials of registry 'ghcr.io'}.
     */
    static String nestedWhere(String parentWhere, String keyword, String name) {
        return " in " + keyword + (name == null ? "" : " '" + name + "'")
                + (parentWhere.isEmpty() ? "" : " of" + parentWhere.substring(" in".length()));
    }

    /** {@code unknown keyword 'alow' in registry 'ghcr.io'; expected one of: caFile, credentials, ...}. */
    static String unknownKeyword(String name, String where, Iterable<String> keywords) {
        return "unknown keyword '" + name + "'" + where + "; expected one of: " + String.join(", ", keywords);
    }

    private static Object[] arguments(Object args) {
        return args instanceof Object[] array ? array : new Object[] {args};
    }

    private static String describe(Object[] arguments) {
        if (arguments == null) {
            return "null";
        }
        if (arguments.length == 0) {
            return "nothing";
        }
        return Arrays.stream(arguments).map(BlockDelegate::describe).collect(Collectors.joining(", "));
    }

    private static String describe(Object argument) {
        if (argument instanceof CharSequence text) {
            return "'" + text + "'";
        }
        if (argument instanceof Closure) {
            return "a block";
        }
        if (argument instanceof Object[] array) {
            return describe(array);
        }
        return String.valueOf(argument);
    }
}
