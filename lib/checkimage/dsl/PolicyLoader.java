package checkimage.dsl;

import checkimage.policy.Policy;
import groovy.lang.GroovyRuntimeException;
import groovy.lang.GroovyShell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.NamedArgumentListExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.UnaryMinusExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.EmptyStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.ReturnStatement;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.SecureASTCustomizer;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Loads a Groovy policy file into an immutable {@link Policy}.
 *
 * <p>Each load compiles the script with one {@link CompilerConfiguration} and one {@link GroovyShell}, runs it
 * once on a fresh {@link TopLevelDelegate}, and keeps nothing. The compiler is configured so a policy reads as
 * data:
 * <ul>
 *   <li>{@link PolicyGrammar} reports, with its line, the first construct that is not a keyword call with
 *       literal arguments and blocks: imports, classes, methods, variables, assignments, interpolation,
 *       calls on values or classes, control flow;</li>
 *   <li>a {@link SecureASTCustomizer} applies the same limits (no imports, no package, no method definitions,
 *       allowed statements, expressions and receivers) as a backstop;</li>
 *   <li>no {@code ImportCustomizer}: a policy names no classes; and Grape's {@code @Grab} transformation is
 *       disabled, so compiling never resolves dependencies.</li>
 * </ul>
 * <b>This shapes the grammar; it is not a sandbox.</b> A policy file is Groovy code and must be trusted like a
 * build script: compiling it already runs code (global AST transformations on the class path), and the
 * checks are partial by design.
 *
 * <p>Environment variables ({@code env}) are read and files ({@code caFile}, {@code authFile}) are checked at
 * load time; relative paths resolve against the policy file's directory. Every problem is a
 * {@link PolicyException} with the file and line.
 */
public final class PolicyLoader {

    private static final Set<String> NO_GRAPE = Set.of("groovy.grape.GrabAnnotationTransformation");

    /** Loads {@code file} with the process environment. */
    public Policy load(Path file) {
        return load(file, System.getenv());
    }

    /** Loads {@code file} with the given environment; relative paths resolve against the file's directory. */
    public Policy load(Path file, Map<String, String> env) {
        String fileName = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PolicyException(fileName, 0, "cannot read file: no such file");
        } catch (AccessDeniedException e) {
            throw new PolicyException(fileName, 0, "cannot read file: permission denied");
        } catch (IOException e) {
            throw new PolicyException(
                    fileName, 0, "cannot read file: " + e.getClass().getSimpleName());
        }
        return load(text, fileName, env, file.toAbsolutePath().getParent());
    }

    /**
     * Loads policy text.
     *
     * @param text the policy
     * @param fileName the name in messages and origins, e.g. {@code policy.groovy}
     * @param env the environment {@code env} reads
     * @param baseDir the directory relative {@code caFile} and {@code authFile} paths resolve against
     * @throws PolicyException for every problem, with file and line
     */
    public Policy load(String text, String fileName, Map<String, String> env, Path baseDir) {
        ScriptContext context = new ScriptContext(fileName, env, baseDir);
        PolicyScript script = compile(text, fileName);
        TopLevelDelegate topLevel = new TopLevelDelegate(context);
        script.attach(topLevel);
        try {
            script.run();
        } catch (ScriptProblem problem) {
            throw new PolicyException(
                    fileName, ScriptContext.lineIn(problem.getStackTrace(), fileName), problem.getMessage());
        } catch (GroovyRuntimeException e) {
            ScriptProblem cause = problemIn(e);
            Throwable located = cause != null ? cause : e;
            String message = cause != null
                    ? cause.getMessage()
                    : e.getMessageWithoutLocationText().lines().findFirst().orElse("");
            throw new PolicyException(fileName, ScriptContext.lineIn(located.getStackTrace(), fileName), message);
        }
        return topLevel.build();
    }

    private static PolicyScript compile(String text, String fileName) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(PolicyScript.class.getName());
        config.setDisabledGlobalASTTransformations(NO_GRAPE);
        config.addCompilationCustomizers(new PolicyGrammar(), backstop());
        GroovyShell shell = new GroovyShell(PolicyLoader.class.getClassLoader(), config);
        try {
            return (PolicyScript) shell.parse(text, fileName);
        } catch (MultipleCompilationErrorsException e) {
            throw translate(e.getErrorCollector().getError(0), fileName);
        } catch (CompilationFailedException e) {
            throw new PolicyException(fileName, 0, e.getMessage());
        }
    }

    private static SecureASTCustomizer backstop() {
        SecureASTCustomizer secure = new SecureASTCustomizer();
        secure.setPackageAllowed(false);
        secure.setMethodDefinitionAllowed(false);
        secure.setAllowedImports(List.of());
        secure.setAllowedStarImports(List.of());
        secure.setAllowedStaticImports(List.of());
        secure.setAllowedStaticStarImports(List.of());
        secure.setAllowedStatements(
                List.of(BlockStatement.class, ExpressionStatement.class, ReturnStatement.class, EmptyStatement.class));
        secure.setAllowedExpressions(List.of(
                MethodCallExpression.class,
                ArgumentListExpression.class,
                TupleExpression.class,
                ConstantExpression.class,
                ClosureExpression.class,
                VariableExpression.class,
                UnaryMinusExpression.class,
                NamedArgumentListExpression.class,
                MapExpression.class,
                MapEntryExpression.class));
        secure.setAllowedReceiversClasses(List.of(Object.class));
        return secure;
    }

    private static PolicyException translate(Message message, String fileName) {
        if (message instanceof SyntaxErrorMessage syntax) {
            SyntaxException cause = syntax.getCause();
            String problem = cause instanceof PolicyGrammar.Violation
                    ? cause.getOriginalMessage()
                    : "syntax error: " + cause.getOriginalMessage();
            return new PolicyException(fileName, cause.getLine(), problem);
        }
        if (message instanceof ExceptionMessage exception) {
            return new PolicyException(
                    fileName, 0, String.valueOf(exception.getCause().getMessage()));
        }
        return new PolicyException(fileName, 0, "cannot compile the policy");
    }

    private static ScriptProblem problemIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ScriptProblem problem) {
                return problem;
            }
        }
        return null;
    }
}
