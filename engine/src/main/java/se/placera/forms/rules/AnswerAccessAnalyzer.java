package se.placera.forms.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelSource;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelCall;
import dev.cel.common.ast.CelExpr.CelComprehension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a checked AST and collects the answer keys it reads and the environment variables it uses. {@code answers}
 * may only be read with a literal key; any other use makes the dependencies unknowable and is rejected.
 * Comprehension variables that shadow an environment variable are tracked by scope.
 */
final class AnswerAccessAnalyzer {

    private static final String INDEX = "_[_]";
    private static final String IN = "@in";

    /** What a rule reads: answer keys in order of appearance, and the environment variables to bind. */
    record Analysis(Set<String> answerDependencies, Set<String> variables) {
    }

    private final CelAbstractSyntaxTree ast;
    private final Set<String> dependencies = new LinkedHashSet<>();
    private final Set<String> variables = new LinkedHashSet<>();
    private final List<String> locals = new ArrayList<>();

    private AnswerAccessAnalyzer(CelAbstractSyntaxTree ast) {
        this.ast = ast;
    }

    static Analysis analyze(CelAbstractSyntaxTree ast) {
        AnswerAccessAnalyzer analyzer = new AnswerAccessAnalyzer(ast);
        analyzer.visit(ast.getExpr());
        return new Analysis(Collections.unmodifiableSet(analyzer.dependencies),
                Collections.unmodifiableSet(analyzer.variables));
    }

    private void visit(CelExpr expr) {
        switch (expr.getKind()) {
            case IDENT -> visitIdent(expr);
            case SELECT -> {
                if (isAnswers(expr.select().operand())) {
                    readAnswer(expr.select().field());
                } else {
                    visit(expr.select().operand());
                }
            }
            case CALL -> visitCall(expr);
            case LIST -> expr.list().elements().forEach(this::visit);
            case MAP -> expr.map().entries().forEach(entry -> {
                visit(entry.key());
                visit(entry.value());
            });
            case STRUCT -> expr.struct().entries().forEach(entry -> visit(entry.value()));
            case COMPREHENSION -> visitComprehension(expr.comprehension());
            case CONSTANT, NOT_SET -> {
            }
        }
    }

    private void visitIdent(CelExpr expr) {
        String name = expr.ident().name();
        if (!RuleCompiler.VARIABLES.contains(name) || locals.contains(name)) {
            return;
        }
        if (RuleCompiler.ANSWERS.equals(name)) {
            throw dynamicAccess(expr, "'answers' may only be read with a literal key "
                    + "(answers.x, answers['x'], has(answers.x), 'x' in answers), not used as a whole value");
        }
        variables.add(name);
    }

    private void visitCall(CelExpr expr) {
        CelCall call = expr.call();
        List<CelExpr> args = call.args();
        if (call.target().isEmpty() && args.size() == 2) {
            if (INDEX.equals(call.function()) && isAnswers(args.get(0))) {
                readAnswer(literalKey(args.get(1), "answers[...]"));
                return;
            }
            if (IN.equals(call.function()) && isAnswers(args.get(1))) {
                readAnswer(literalKey(args.get(0), "... in answers"));
                return;
            }
        }
        call.target().ifPresent(this::visit);
        args.forEach(this::visit);
    }

    private void visitComprehension(CelComprehension comprehension) {
        visit(comprehension.iterRange());
        visit(comprehension.accuInit());
        int outer = locals.size();
        locals.add(comprehension.accuVar());
        int accumulatorOnly = locals.size();
        locals.add(comprehension.iterVar());
        if (!comprehension.iterVar2().isEmpty()) {
            locals.add(comprehension.iterVar2());
        }
        visit(comprehension.loopCondition());
        visit(comprehension.loopStep());
        locals.subList(accumulatorOnly, locals.size()).clear();
        visit(comprehension.result());
        locals.subList(outer, locals.size()).clear();
    }

    private boolean isAnswers(CelExpr expr) {
        return expr.getKind() == CelExpr.ExprKind.Kind.IDENT
                && RuleCompiler.ANSWERS.equals(expr.ident().name())
                && !locals.contains(RuleCompiler.ANSWERS);
    }

    private void readAnswer(String key) {
        variables.add(RuleCompiler.ANSWERS);
        dependencies.add(key);
    }

    private String literalKey(CelExpr key, String form) {
        if (key.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && key.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
            return key.constant().stringValue();
        }
        throw dynamicAccess(key, "the key in " + form + " must be a string literal so the question is known");
    }

    private RuleException dynamicAccess(CelExpr expr, String message) {
        return new RuleException(RuleException.DYNAMIC_ANSWER_ACCESS, message + position(ast.getSource(), expr.id()));
    }

    /** " (line L, column C)" for an expression id, 1-based, or "" when CEL recorded no position. */
    static String position(CelSource source, long exprId) {
        Integer offset = source.getPositionsMap().get(exprId);
        if (offset == null || offset < 0) {
            return "";
        }
        return source.getOffsetLocation(offset)
                .map(location -> " (line " + location.getLine() + ", column " + (location.getColumn() + 1) + ")")
                .orElse("");
    }
}
