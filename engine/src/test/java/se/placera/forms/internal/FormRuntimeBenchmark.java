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
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class FormRuntimeBenchmark {

    private FormRuntimeFixture fixture;

    @Setup
    public void setUp() {
        fixture = new FormRuntimeFixture();
        if (!fixture.compiled.problems().isEmpty() || !fixture.evaluate().errors().isEmpty()
                || !rawSchemaValidation().isEmpty()) {
            throw new IllegalStateException("The generated method or answers are not valid; see FormRuntimeBenchmarkFixtureTests");
        }
    }

    /** FormEngine.evaluate: visibility, alternatives, automatic answers, schema, required and alternative checks. */
    @Benchmark
    public FormEngine.Evaluation formStateAndSubmitValidation() {
        return fixture.evaluate();
    }

    /** networknt only: the answers document against the method's generated submission schema. */
    @Benchmark
    public List<Error> rawSchemaValidation() {
        return fixture.method.submissionSchema().validate(fixture.answersNode);
    }
}
