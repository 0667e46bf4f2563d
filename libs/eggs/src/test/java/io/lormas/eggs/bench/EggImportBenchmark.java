package io.lormas.eggs.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.lormas.eggs.format.EggCorpus;
import io.lormas.eggs.format.EggFormat;
import io.lormas.eggs.format.EggReader;
import io.lormas.eggs.format.EggWriter;
import io.lormas.eggs.format.ImportedEgg;
import io.lormas.eggs.format.Syntax;

/**
 * Eggs imported per second: each operation reads the next file of the dev corpus (421 real eggs,
 * JSON and YAML, all formats), from bytes to a validated {@link io.lormas.eggs.Egg} with warnings.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EggImportBenchmark {

    private final EggReader reader = new EggReader();
    private final EggWriter writer = new EggWriter();
    private byte[][] files;
    private ImportedEgg[] eggs;
    private int next;

    @Setup
    public void loadCorpus() {
        List<Path> paths = EggCorpus.eggFiles();
        files = paths.stream().map(EggCorpus::read).toArray(byte[][]::new);
        eggs = Arrays.stream(files).map(reader::read).toArray(ImportedEgg[]::new);
    }

    @Benchmark
    public ImportedEgg importEgg() {
        byte[] file = files[next];
        next = next + 1 == files.length ? 0 : next + 1;
        return reader.read(file);
    }

    @Benchmark
    public String exportPlcnV3Yaml() {
        ImportedEgg egg = eggs[next];
        next = next + 1 == eggs.length ? 0 : next + 1;
        return writer.write(egg.egg(), EggFormat.PLCN_V3, Syntax.YAML);
    }
}
