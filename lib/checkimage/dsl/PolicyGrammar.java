package checkimage.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ArrayExpression;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.BitwiseNegationExpression;
import org.codehaus.groovy.ast.expr.BooleanExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.ElvisOperatorExpression;
import org.codehaus.groovy.ast.expr.FieldExpression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.LambdaExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.NotExpression;
import org.codehaus.groovy.ast.expr.PostfixExpression;
import org.codehaus.groovy.ast.expr.PrefixExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.RangeExpression;
import org.codehaus.groovy.ast.expr.SpreadExpression;
import org.codehaus.groovy.ast.expr.SpreadMapExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.TernaryExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.UnaryPlusExpression;
import org.codehaus.groovy.ast.stmt.AssertStatement;
import org.codehaus.groovy.ast.stmt.BreakStatement;
import org.codehaus.groovy.ast.stmt.ContinueStatement;
import org.codehaus.groovy.ast.stmt.DoWhileStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.ast.stmt.IfStatement;
import org.codehaus.groovy.ast.stmt.SwitchStatement;
import org.codehaus.groovy.ast.stmt.SynchronizedStatement;
import org.codehaus.groovy.ast.stmt.ThrowStatement;
import org.codehaus.groovy.ast.stmt.TryCatchStatement;
import org.codehaus.groovy.ast.stmt.WhileStatement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Shapes the grammar of a policy so it reads as data: keyword calls with literal arguments and blocks, nothing
 * else. Runs at conversion, before annotations can trigger local AST transformations, and reports the first
 * construct outside the DSL with its line: {@code imports are not allowed}, {@code variable declarations are not allowed},
 * {@code calls on values or classes are not allowed}, and keywords unknown to the block they are written in,
 * with the delegates' own message ({@link BlockDelegate#unknownKeyword(String, String, Iterable)}).
 *
 * <p>This is not a sandbox. A policy is code and is trusted like a build script; this check only keeps a
 * policy a list of keywords, so a typo or a stray statement is an error rather than a program. The loader's
 * {@code SecureASTCustomizer} applies the same limits again, as a backstop without line numbers.
 */
final class PolicyGrammar extends CompilationCustomizer {

    PolicyGrammar() {
        super(CompilePhase.CONVERSION);
    }

    /** A construct outside the DSL; a {@link SyntaxException} so it carries the line, told apart from syntax errors by type. */
    static final class Violation extends SyntaxException {
        private static final long serialVersionUID = 1L;

        Violation(String message, ASTNode node) {
            super(message, node.getLineNumber(), node.getColumnNumber());
        }
    }

    /** Stops the visitor at the first construct outside the DSL. */
    private static final class Found extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ASTNode node;

        Found(String message, ASTNode node) {
            super(message, null, false, false);
            this.node = node;
        }
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        ModuleNode module = source.getAST();
        List<Violation> found = new ArrayList<>();
        if (module.getPackage() != null) {
            found.add(new Violation("package declarations are not allowed", module.getPackage()));
        }
        List<ImportNode> imports = new ArrayList<>(module.getImports());
        imports.addAll(module.getStarImports());
        imports.addAll(module.getStaticImports().values());
        imports.addAll(module.getStaticStarImports().values());
        imports.stream().findFirst().ifPresent(node -> found.add(new Violation("imports are not allowed", node)));
        for (ClassNode declared : module.getClasses()) {
            if (!declared.isScript()) {
                found.add(new Violation("class definitions are not allowed", declared));
            }
        }
        for (MethodNode method : module.getMethods()) {
            found.add(new Violation("method definitions are not allowed", method));
        }
        try {
            module.getStatementBlock().visit(new Visitor());
        } catch (Found f) {
            found.add(new Violation(f.getMessage(), f.node));
        }
        found.stream()
                .min(Comparator.comparingInt(Violation::getLine))
                .ifPresent(v -> source.getErrorCollector().addFatalError(new SyntaxErrorMessage(v, source)));
    }

    /**
     * Allows keyword calls, literals, blocks and unary minus; everything else is a violation. Keyword names are
     * checked against the block they are written in, as the delegates declare them.
     */
    private static final class Visitor extends CodeVisitorSupport {

        private Class<?> block = TopLevelDelegate.class;
        private String where = "";
        private final java.util.Set<MapExpression> namedArguments =
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        private static void fail(ASTNode node, String what) {
            throw new Found(what + " not allowed", node);
        }

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            if (!call.isImplicitThis()) {
                fail(call, "calls on values or classes are");
            }
            if (!(call.getMethod() instanceof ConstantExpression)) {
                fail(call, "computed keyword names are");
            }
            String keyword = call.getMethodAsString();
            Set<String> keywords = BlockDelegate.keywordsOf(block).keySet();
            if (!keywords.contains(keyword)) {
                throw new Found(BlockDelegate.unknownKeyword(keyword, where, keywords), call);
            }
            if (call.getArguments() instanceof TupleExpression arguments) {
                arguments.getExpressions().stream()
                        .filter(MapExpression.class::isInstance)
                        .forEach(map -> namedArguments.add((MapExpression) map));
            }
            Class<?> nested = BlockDelegate.nestedBlockOf(block, keyword);
            if (nested == null) {
                call.getArguments().visit(this);
                return;
            }
            Class<?> outer = block;
            String outerWhere = where;
            block = nested;
            where = BlockDelegate.nestedWhere(outerWhere, keyword, nameOf(call));
            try {
                call.getArguments().visit(this);
            } finally {
                block = outer;
                where = outerWhere;
            }
        }

        // The first argument names a block when it is a string: registry('ghcr.io') { ... }.
        private static String nameOf(MethodCallExpression call) {
            if (call.getArguments() instanceof TupleExpression arguments
                    && !arguments.getExpressions().isEmpty()
                    && arguments.getExpression(0) instanceof ConstantExpression constant
                    && constant.getValue() instanceof String name) {
                return name;
            }
            return null;
        }

        @Override
        public void visitClosureExpression(ClosureExpression closure) {
            if (closure.isParameterSpecified()) {
                fail(closure, "block parameters are");
            }
            closure.getCode().visit(this);
        }

        @Override
        public void visitBinaryExpression(BinaryExpression expression) {
            fail(expression, expression.getOperation().getText().equals("=") ? "assignments are" : "operators are");
        }

        // Everything below is outside the DSL; each line names the construct in the message.
        @Override
        public void visitDeclarationExpression(DeclarationExpression e) {
            fail(e, "variable declarations are");
        }

        @Override
        public void visitGStringExpression(GStringExpression e) {
            fail(e, "string interpolation is");
        }

        @Override
        public void visitStaticMethodCallExpression(StaticMethodCallExpression e) {
            fail(e, "calls on values or classes are");
        }

        @Override
        public void visitConstructorCallExpression(ConstructorCallExpression e) {
            fail(e, "creating objects is");
        }

        @Override
        public void visitPropertyExpression(PropertyExpression e) {
            fail(e, "property access is");
        }

        @Override
        public void visitAttributeExpression(AttributeExpression e) {
            fail(e, "property access is");
        }

        @Override
        public void visitFieldExpression(FieldExpression e) {
            fail(e, "property access is");
        }

        @Override
        public void visitClassExpression(ClassExpression e) {
            fail(e, "class references are");
        }

        @Override
        public void visitListExpression(ListExpression e) {
            fail(e, "lists are");
        }

        @Override
        public void visitMapExpression(MapExpression e) {
            // named arguments (waive 'x', until: '...') are keyword syntax; a map anywhere else is not
            if (!namedArguments.contains(e)) {
                fail(e, "maps are");
            }
            super.visitMapExpression(e);
        }

        @Override
        public void visitSpreadMapExpression(SpreadMapExpression e) {
            fail(e, "maps and named arguments are");
        }

        @Override
        public void visitSpreadExpression(SpreadExpression e) {
            fail(e, "spread arguments are");
        }

        @Override
        public void visitRangeExpression(RangeExpression e) {
            fail(e, "ranges are");
        }

        @Override
        public void visitTernaryExpression(TernaryExpression e) {
            fail(e, "conditional expressions are");
        }

        @Override
        public void visitShortTernaryExpression(ElvisOperatorExpression e) {
            fail(e, "conditional expressions are");
        }

        @Override
        public void visitBooleanExpression(BooleanExpression e) {
            fail(e, "operators are");
        }

        @Override
        public void visitNotExpression(NotExpression e) {
            fail(e, "operators are");
        }

        @Override
        public void visitPrefixExpression(PrefixExpression e) {
            fail(e, "operators are");
        }

        @Override
        public void visitPostfixExpression(PostfixExpression e) {
            fail(e, "operators are");
        }

        @Override
        public void visitBitwiseNegationExpression(BitwiseNegationExpression e) {
            fail(e, "operators are");
        }

        @Override
        public void visitUnaryPlusExpression(UnaryPlusExpression e) {
            fail(e, "operators are");
        }

        @Override
        public void visitCastExpression(CastExpression e) {
            fail(e, "casts are");
        }

        @Override
        public void visitArrayExpression(ArrayExpression e) {
            fail(e, "arrays are");
        }

        @Override
        public void visitLambdaExpression(LambdaExpression e) {
            fail(e, "lambdas are");
        }

        @Override
        public void visitMethodPointerExpression(MethodPointerExpression e) {
            fail(e, "method references are");
        }

        @Override
        public void visitIfElse(IfStatement s) {
            fail(s, "if statements are");
        }

        @Override
        public void visitForLoop(ForStatement s) {
            fail(s, "loops are");
        }

        @Override
        public void visitWhileLoop(WhileStatement s) {
            fail(s, "loops are");
        }

        @Override
        public void visitDoWhileLoop(DoWhileStatement s) {
            fail(s, "loops are");
        }

        @Override
        public void visitSwitch(SwitchStatement s) {
            fail(s, "switch statements are");
        }

        @Override
        public void visitTryCatchFinally(TryCatchStatement s) {
            fail(s, "try blocks are");
        }

        @Override
        public void visitThrowStatement(ThrowStatement s) {
            fail(s, "throw statements are");
        }

        @Override
        public void visitSynchronizedStatement(SynchronizedStatement s) {
            fail(s, "synchronized blocks are");
        }

        @Override
        public void visitAssertStatement(AssertStatement s) {
            fail(s, "assert statements are");
        }

        @Override
        public void visitBreakStatement(BreakStatement s) {
            fail(s, "break statements are");
        }

        @Override
        public void visitContinueStatement(ContinueStatement s) {
            fail(s, "continue statements are");
        }
    }
}
