package se.placera.forms.rules;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelCall;
import dev.cel.common.ast.CelExpr.CelComprehension;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelTypes;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles rule expressions (CEL) against the fixed form environment: {@code answers}, {@code user}, {@code subject}
 * and {@code item}, each a {@code map(string, dyn)}, with the standard functions and macros. Thread-safe; build once.
 */
public final class RuleCompiler {

    static final String ANSWERS = "answers";
    static final String USER = "user";
    static final String SUBJECT = "subject";
    static final String ITEM = "item";
    static final Set<String> VARIABLES = Set.of(ANSWERS, USER, SUBJECT, ITEM);

    private static final String RECURSION_LIMIT_MESSAGE = "recursion limit exceeded";

    private final RuleLimits limits;
    private final boolean directEvaluation;
    private final Cel cel;

    public RuleCompiler() {
        this(RuleLimits.DEFAULTS);
    }

    public RuleCompiler(RuleLimits limits) {
        this(limits, true);
    }

    /**
     * @param directEvaluation whether rules of the common shapes also get a direct form ({@link DirectRule}), which
     *                         gives CEL's results without its interpreter; false evaluates every rule with CEL only
     */
    public RuleCompiler(RuleLimits limits, boolean directEvaluation) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.directEvaluation = directEvaluation;
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .comprehensionMaxIterations(limits.maxComprehensionIterations())
                .maxParseRecursionDepth(limits.maxNestingDepth())
                .maxExpressionCodePointSize(limits.maxExpressionLength())
                .build();
        MapType stringToDyn = MapType.create(SimpleType.STRING, SimpleType.DYN);
        this.cel = CelFactory.standardCelBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar(ANSWERS, stringToDyn)
                .addVar(USER, stringToDyn)
                .addVar(SUBJECT, stringToDyn)
                .addVar(ITEM, stringToDyn)
                .build();
    }

    public RuleLimits limits() {
        return limits;
    }

    /** Parses and type-checks; throws RuleException with a stable code on any problem. */
    public CompiledRule compile(String expression, RuleResultType expected) {
        Objects.requireNonNull(expected, "expected");
        if (expression == null || expression.isBlank()) {
            throw new RuleException(RuleException.SYNTAX, "The expression is empty");
        }
        int length = expression.codePointCount(0, expression.length());
        if (length > limits.maxExpressionLength()) {
            throw new RuleException(RuleException.TOO_LONG, "The expression has " + length
                    + " characters; at most " + limits.maxExpressionLength() + " are allowed");
        }

        CelValidationResult parsed = cel.parse(expression);
        if (parsed.hasError()) {
            boolean tooDeep = parsed.getErrors().stream()
                    .anyMatch(issue -> issue.getMessage().toLowerCase(Locale.ROOT).contains(RECURSION_LIMIT_MESSAGE));
            throw new RuleException(tooDeep ? RuleException.TOO_DEEP : RuleException.SYNTAX, describe(parsed));
        }
        CelValidationResult checked = cel.check(astOf(parsed));
        if (checked.hasError()) {
            throw new RuleException(RuleException.TYPE, describe(checked));
        }
        CelAbstractSyntaxTree ast = astOf(checked);

        CelKind resultKind = ast.getResultType().kind();
        if (expected == RuleResultType.BOOL && resultKind != CelKind.BOOL && resultKind != CelKind.DYN) {
            throw new RuleException(RuleException.RESULT_TYPE,
                    "The expression must be a bool but has type " + CelTypes.format(ast.getResultType()));
        }
        checkPatterns(ast.getExpr());
        AnswerAccessAnalyzer.Analysis analysis = AnswerAccessAnalyzer.analyze(ast);

        CelRuntime.Program program;
        try {
            program = cel.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new RuleException(RuleException.TYPE, "The expression cannot be planned: " + e.getMessage());
        }
        return new CelCompiledRule(expression, expected, analysis.answerDependencies(), analysis.variables(), program,
                directEvaluation ? DirectRule.plan(ast.getExpr()) : null);
    }

    /**
     * A literal pattern of {@code matches} must compile, so a bad one is refused when the method is published rather
     * than failing every evaluation. CEL runs {@code matches} on RE2 (backreferences and lookaround are not RE2).
     */
    private static void checkPatterns(CelExpr expr) {
        switch (expr.getKind()) {
            case CALL -> {
                CelCall call = expr.call();
                if ("matches".equals(call.function())) {
                    CelExpr pattern = call.target().isPresent() ? first(call.args()) : second(call.args());
                    if (pattern != null && pattern.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                            && pattern.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                        try {
                            com.google.re2j.Pattern.compile(pattern.constant().stringValue());
                        } catch (com.google.re2j.PatternSyntaxException e) {
                            throw new RuleException(RuleException.REGEX, "The pattern of matches() is not a valid "
                                    + "regular expression: " + e.getDescription());
                        }
                    }
                }
                call.target().ifPresent(RuleCompiler::checkPatterns);
                call.args().forEach(RuleCompiler::checkPatterns);
            }
            case SELECT -> checkPatterns(expr.select().operand());
            case LIST -> expr.list().elements().forEach(RuleCompiler::checkPatterns);
            case MAP -> expr.map().entries().forEach(e -> {
                checkPatterns(e.key());
                checkPatterns(e.value());
            });
            case STRUCT -> expr.struct().entries().forEach(e -> checkPatterns(e.value()));
            case COMPREHENSION -> {
                CelComprehension c = expr.comprehension();
                checkPatterns(c.iterRange());
                checkPatterns(c.accuInit());
                checkPatterns(c.loopCondition());
                checkPatterns(c.loopStep());
                checkPatterns(c.result());
            }
            default -> {
            }
        }
    }

    private static CelExpr first(java.util.List<CelExpr> args) {
        return args.isEmpty() ? null : args.get(0);
    }

    private static CelExpr second(java.util.List<CelExpr> args) {
        return args.size() < 2 ? null : args.get(1);
    }

    private static CelAbstractSyntaxTree astOf(CelValidationResult result) {
        try {
            return result.getAst();
        } catch (CelValidationException e) {
            throw new IllegalStateException("CEL reported no error but produced no AST", e);
        }
    }

    /** One line per issue: CEL's message and its 1-based position. */
    private static String describe(CelValidationResult result) {
        return result.getErrors().stream().map(RuleCompiler::describe).collect(Collectors.joining("; "));
    }

    private static String describe(CelIssue issue) {
        CelSourceLocation location = issue.getSourceLocation();
        if (location == null || location.equals(CelSourceLocation.NONE) || location.getLine() < 1) {
            return issue.getMessage();
        }
        return issue.getMessage() + " (line " + location.getLine() + ", column " + (location.getColumn() + 1) + ")";
    }
}
