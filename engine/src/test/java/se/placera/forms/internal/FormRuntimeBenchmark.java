package se.placera.forms.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.networknt.schema.Error;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue #4, item 9: form state and submit validation of a generated method (150 questions, 40 rules) beside the
 * raw networknt validation of the same answers document against the same generated submission schema.
 * Target: the first at most 1 ms median and at most 3x the second. Run with
 * {@code mvn -pl engine -Pbenchmark test -DskipTests}; results in docs/performance.md.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class FormRuntimeBenchmark {

    /** The runtime as the app runs it: direct rule evaluation on. Each benchmark builds only its own state. */
    @State(Scope.Benchmark)
    public static class Direct {
        /** The method's size (issue #18, item 6): 50, 150 (issue #4's method) or 500 questions, rules in proportion. */
        @Param({"50", "150", "500"})
        public int questions;

        FormRuntimeFixture fixture;

        @Setup
        public void setUp() {
            fixture = checked(new FormRuntimeFixture(true, questions));
        }
    }

    /** Every rule through the CEL interpreter ({@code placera.rules.direct-evaluation=false}), for comparison. */
    @State(Scope.Benchmark)
    public static class CelOnly {
        @Param({"50", "150", "500"})
        public int questions;

        FormRuntimeFixture fixture;

        @Setup
        public void setUp() {
            fixture = checked(new FormRuntimeFixture(false, questions));
        }
    }

    private static FormRuntimeFixture checked(FormRuntimeFixture fixture) {
        if (!fixture.compiled.problems().isEmpty() || !fixture.evaluate().errors().isEmpty()
                || !fixture.method.submissionSchema().validate(fixture.answersNode).isEmpty()) {
            throw new IllegalStateException("The generated method or answers are not valid; see FormRuntimeBenchmarkFixtureTests");
        }
        return fixture;
    }

    /** FormEngine.evaluate: visibility, alternatives, automatic answers, schema, required and alternative checks. */
    @Benchmark
    public FormEngine.Evaluation formStateAndSubmitValidation(Direct state) {
        return state.fixture.evaluate();
    }

    /** The same with every rule through the CEL interpreter. */
    @Benchmark
    public FormEngine.Evaluation formStateAndSubmitValidationCelOnly(CelOnly state) {
        return state.fixture.evaluate();
    }

    /** networknt only: the answers document against the method's generated submission schema. */
    @Benchmark
    public List<Error> rawSchemaValidation(Direct state) {
        return state.fixture.method.submissionSchema().validate(state.fixture.answersNode);
    }
}
