package io.lormas.eggs.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.lormas.eggs.Editor;
import io.lormas.eggs.EggVariable;
import io.lormas.eggs.VariableValidation;
import io.lormas.eggs.VariableValidator;
import io.lormas.eggs.format.EggCorpus;
import io.lormas.eggs.format.EggReader;
import io.lormas.eggs.rules.Violation;

/**
 * Validations per second over the variables of the dev corpus: {@code validateServer} checks a
 * whole server environment (every variable of one egg, defaults sent back as values, as a user
 * would); {@code checkValue} checks one value against one variable's rules.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VariableValidationBenchmark {

    private VariableValidator[] validators;
    private List<Map<String, String>> environments;
    private EggVariable[] variables;
    private int nextServer;
    private int nextVariable;

    @Setup
    public void loadCorpus() {
        EggReader reader = new EggReader();
        List<VariableValidator> validatorList = new ArrayList<>();
        environments = new ArrayList<>();
        List<EggVariable> variableList = new ArrayList<>();
        for (var file : EggCorpus.eggFiles()) {
            var egg = reader.read(EggCorpus.read(file)).egg();
            if (egg.variables().isEmpty()) {
                continue;
            }
            validatorList.add(VariableValidator.of(egg));
            Map<String, String> environment = new LinkedHashMap<>();
            egg.variables().forEach(v -> environment.put(v.envVariable(), v.defaultValue()));
            environments.add(environment);
            variableList.addAll(egg.variables());
        }
        validators = validatorList.toArray(VariableValidator[]::new);
        variables = variableList.toArray(EggVariable[]::new);
    }

    @Benchmark
    public VariableValidation validateServer() {
        int server = nextServer;
        nextServer = server + 1 == validators.length ? 0 : server + 1;
        return validators[server].validate(environments.get(server), Editor.USER);
    }

    @Benchmark
    public List<Violation> checkValue() {
        EggVariable variable = variables[nextVariable];
        nextVariable = nextVariable + 1 == variables.length ? 0 : nextVariable + 1;
        return variable.check(variable.defaultValue());
    }
}
