package io.lormas.eggs.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.lormas.eggs.ConfigFile;
import io.lormas.eggs.ConfigParser;
import io.lormas.eggs.DockerImage;
import io.lormas.eggs.Egg;
import io.lormas.eggs.EggVariable;
import io.lormas.eggs.FindValue;
import io.lormas.eggs.StartupCommand;
import io.lormas.eggs.StopAction;
import io.lormas.eggs.rules.RuleSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class EggReaderTest {

    private static final EggReader READER = new EggReader();

    private static ImportedEgg corpus(String file) {
        return READER.read(EggCorpus.read(EggCorpus.eggsDir().resolve(file)));
    }

    /** A small valid PTDL_v2 egg to break in tests. */
    private static ObjectNode egg() {
        return (ObjectNode) Codecs.JSON.readTree("""
                {"_comment": "test", "meta": {"version": "PTDL_v2", "update_url": null},
                 "name": "Test", "author": "admin@example.org", "description": "A test egg",
                 "features": ["eula"], "docker_images": {"Java 21": "ghcr.io/pelican-eggs/yolks:java_21"},
                 "file_denylist": [], "startup": "java -jar {{SERVER_JARFILE}} --port {{SERVER_PORT}}",
                 "config": {"files": "{}", "startup": "{\\"done\\": \\")! For help\\"}", "logs": "{}", "stop": "stop"},
                 "scripts": {"installation": {"script": "echo hi", "container": "alpine:3.20", "entrypoint": "ash"}},
                 "variables": [{"name": "Server Jar File", "description": "", "env_variable": "SERVER_JARFILE",
                   "default_value": "server.jar", "user_viewable": true, "user_editable": true,
                   "rules": "required|string|max:20", "field_type": "text"}]}
                """);
    }

    private static ImportedEgg read(ObjectNode tree) {
        return READER.read(Codecs.JSON.writeValueAsString(tree));
    }

    private static EggImportException refusal(ObjectNode tree) {
        return catchThrowableOfType(EggImportException.class, () -> read(tree));
    }

    private static ObjectNode variable(ObjectNode tree, int index) {
        return (ObjectNode) tree.get("variables").get(index);
    }

    private static ObjectNode withVariable(Consumer<ObjectNode> change) {
        ObjectNode tree = egg();
        change.accept(variable(tree, 0));
        return tree;
    }

    @Nested
    class Formats {

        @Test
        void readsAPtdlV1SingleImageAsTheDockerImage() {
            ImportedEgg imported = corpus("parkervcp-eggs@41744332c8/Factorio__factorio__egg-factorio.json");

            assertThat(imported.format()).isEqualTo(EggFormat.PTDL_V1);
            assertThat(imported.egg().dockerImages()).containsExactly(
                    new DockerImage("quay.io/pterodactyl/core:glibc", "quay.io/pterodactyl/core:glibc"));
            assertThat(imported.egg().icon()).isNull();
        }

        @Test
        void readsPtdlV1ZeroOneFlagsAsBooleans() {
            Egg egg = corpus("parkervcp-eggs@41744332c8/Factorio__factorio__egg-factorio.json").egg();

            assertThat(egg.variables()).extracting(EggVariable::userEditable).containsExactly(true, false, true, true);
            assertThat(egg.variables()).allMatch(EggVariable::userViewable);
        }

        @Test
        void readsAPtdlV1ImageListInOrder() {
            Egg egg = corpus("parkervcp-eggs@57da910d2e/bots__discord__nodemon.js__egg-nodemon.json").egg();

            assertThat(egg.dockerImages()).extracting(DockerImage::image).containsExactly(
                    "ghcr.io/parkervcp/yolks:nodejs_16", "ghcr.io/parkervcp/yolks:nodejs_15",
                    "ghcr.io/parkervcp/yolks:nodejs_14", "ghcr.io/parkervcp/yolks:nodejs_12");
            assertThat(egg.stop()).isEqualTo(new StopAction.Signal("^c"));
        }

        @Test
        void readsAPlcnV3ImageAsThePictureNotADockerImage() {
            ImportedEgg imported = corpus(
                    "pelican-dev-panel@e3534bbb29/database__Seeders__eggs__minecraft__egg-forge-minecraft.yaml");
            Egg egg = imported.egg();

            assertThat(imported.format()).isEqualTo(EggFormat.PLCN_V3);
            assertThat(imported.syntax()).isEqualTo(Syntax.YAML);
            assertThat(egg.icon()).startsWith("data:image/jpeg;base64,");
            assertThat(egg.dockerImages()).first().isEqualTo(new DockerImage("Java 21", "ghcr.io/pelican-eggs/yolks:java_21"));
            assertThat(egg.dockerImages()).noneMatch(image -> image.image().startsWith("data:"));
            assertThat(egg.startupCommands()).extracting(StartupCommand::name).containsExactly("Default");
            assertThat(egg.uuid()).hasToString("ed072427-f209-4603-875c-f540c6dd5a65");
        }

        @Test
        void readsConfigFilesAsAMapInYamlAndAsJsonTextInJson() {
            ConfigFile yaml = corpus("pelican-dev-panel@e3534bbb29/database__Seeders__eggs__minecraft__egg-forge-minecraft.yaml")
                    .egg().configFiles().getFirst();
            ConfigFile json = corpus("pterodactyl-panel@faf3112064/database__seeds__eggs__minecraft__egg-paper.json")
                    .egg().configFiles().getFirst();

            assertThat(yaml.path()).isEqualTo("server.properties");
            assertThat(yaml.parser()).isEqualTo(ConfigParser.PROPERTIES);
            assertThat(yaml.find()).containsEntry("server-port", new FindValue.Text("{{server.allocations.default.port}}"));
            assertThat(json.path()).isEqualTo("server.properties");
            assertThat(json.find()).containsEntry("server-port", new FindValue.Text("{{server.build.default.port}}"));
        }

        @Test
        void readsYmlAsTheYamlParserWithAWarning() {
            ImportedEgg imported = corpus("pelican-eggs-eggs/game_eggs__minecraft__bedrock__gomint__egg-go-mint.json");

            assertThat(imported.egg().configFiles()).extracting(ConfigFile::parser).containsExactly(ConfigParser.YAML);
            assertThat(imported.warnings()).anySatisfy(w -> assertThat(w.toString())
                    .isEqualTo("config.files[server.yml].parser: 'yml' is read as 'yaml'"));
        }

        @Test
        void keepsAConditionalFindAsAMap() {
            Egg egg = corpus("Fallen-Breath-pterodactyl-eggs/eggs__tools__egg-kcptun.yml").egg();

            assertThat(egg.configFiles().getFirst().find().get("target")).isInstanceOfSatisfying(FindValue.Conditional.class,
                    conditional -> assertThat(conditional.cases()).containsEntry(
                            "regex:^(127\\.0\\.0\\.1|localhost)(:\\d{1,5})?$",
                            new FindValue.Text("{{config.docker.interface}}$2")));
            assertThat(egg.stop()).isInstanceOfSatisfying(StopAction.Signal.class,
                    signal -> assertThat(signal.signalName()).isEqualTo("SIGKILL"));
        }

        @Test
        void readsSeveralDoneStrings() {
            assertThat(corpus("pelican-eggs-eggs/generic__bun__egg-bun.json").egg().startupDone())
                    .containsExactly("change this text 1", "change this text 2");
        }

        @Test
        void readsADockerImageListWithImagesAsLabels() {
            ImportedEgg imported = corpus("pelican-eggs-minecraft/java__feather__egg-feather.json");

            assertThat(imported.egg().dockerImages()).containsExactly(
                    new DockerImage("ghcr.io/parkervcp/yolks:debian", "ghcr.io/parkervcp/yolks:debian"));
            assertThat(imported.warnings()).anySatisfy(w -> assertThat(w.field()).isEqualTo("docker_images"));
        }

        @Test
        void fallsBackToTheLegacyImagesKeyInPtdlV2() {
            ImportedEgg imported = corpus("pelican-eggs-eggs/game_eggs__minecraft__java__feather__egg-feather.json");

            assertThat(imported.egg().defaultDockerImage()).isEqualTo("ghcr.io/parkervcp/yolks:debian");
            assertThat(imported.warnings()).anySatisfy(w -> assertThat(w.message()).contains("legacy image/images"));
        }

        @Test
        void readsTheTextArrayOfAnEmptyConfigAsNoFiles() {
            assertThat(corpus("pelican-eggs-games-standalone/hytale__pterodactyl-egg-hytale.json").egg().configFiles())
                    .isEmpty();
        }

        @Test
        void readsAnEmptyObjectOfRulesAsNoRules() {
            Egg egg = corpus("pelican-eggs-games-steamcmd/conan_exiles__egg-conan-exiles-legacy.yaml").egg();

            assertThat(egg.variable("SRCDS_BETAID")).get().extracting(EggVariable::rules).isEqualTo(RuleSet.none());
            assertThat(egg.icon()).startsWith("data:image/png;base64,");
        }

        @Test
        void readsYamlNumbersAsTextDefaults() {
            Egg egg = corpus("pelican-dev-panel@8eddef6f04/database__Seeders__eggs__source-engine__egg-insurgency.yaml").egg();

            assertThat(egg.variable("SRCDS_APPID")).get().extracting(EggVariable::defaultValue).isEqualTo("237410");
        }

        @Test
        void readsAnEmptyDenylistStringAsAnEmptyList() {
            assertThat(corpus("parkervcp-eggs@57da910d2e/game_eggs__ftl__tachyon__egg-tachyon.json").egg().fileDenylist())
                    .isEmpty();
        }

        @Test
        void readsSeveralNamedStartupCommands() {
            ObjectNode tree = egg();
            tree.putObject("meta").put("version", "PLCN_v3");
            tree.remove("startup");
            tree.putObject("startup_commands").put("Default", "./run").put("Debug", "./run --debug");

            assertThat(read(tree).egg().startupCommands()).containsExactly(
                    new StartupCommand("Default", "./run"), new StartupCommand("Debug", "./run --debug"));
        }

        @Test
        void readsBooleanYamlDefaultsAsText() {
            ImportedEgg imported = READER.read("""
                    meta: {version: PLCN_v2}
                    name: Yaml
                    author: a@b.c
                    docker_images: {Debian: 'ghcr.io/x:debian'}
                    startup: './run'
                    config: {files: {}, startup: {done: ready}, stop: '^C'}
                    scripts: {installation: {script: 'true', container: debian, entrypoint: bash}}
                    variables:
                      - {name: Flag, env_variable: FLAG, default_value: true, user_viewable: 1, user_editable: 0,
                         rules: [required, 'in:true,false']}
                    """);

            assertThat(imported.syntax()).isEqualTo(Syntax.YAML);
            assertThat(imported.egg().variables().getFirst().defaultValue()).isEqualTo("true");
            assertThat(imported.egg().variables().getFirst().check("true")).isEmpty();
        }
    }

    @Nested
    class Refusals {

        @Test
        void namesLineAndColumnOfMalformedJson() {
            EggImportException refusal = catchThrowableOfType(EggImportException.class,
                    () -> READER.read("{\n  \"name\": \"x\",\n}"));

            assertThat(refusal.kind()).isEqualTo(EggImportException.Kind.MALFORMED);
            assertThat(refusal.line()).isEqualTo(3);
            assertThat(refusal.column()).isEqualTo(1);
            assertThat(refusal.getMessage()).isEqualTo("The egg is not valid JSON: expected a property name in double"
                    + " quotes, e.g. after a trailing comma (found '}') at line 3, column 1.");
        }

        @Test
        void namesLineAndColumnOfMalformedYaml() {
            EggImportException refusal = catchThrowableOfType(EggImportException.class,
                    () -> READER.read("meta:\n  version: PLCN_v3\nname: [unclosed\nauthor: x\n"));

            assertThat(refusal.kind()).isEqualTo(EggImportException.Kind.MALFORMED);
            assertThat(refusal.line()).isEqualTo(4);
            assertThat(refusal.getMessage()).startsWith("The egg is not valid YAML: while parsing a flow sequence")
                    .endsWith("at line 4, column " + refusal.column() + ".")
                    .doesNotContain("in reader");
        }

        @Test
        void refusesAnEmptyFile() {
            EggImportException refusal = catchThrowableOfType(EggImportException.class, () -> READER.read("  \n"));

            assertThat(refusal.kind()).isEqualTo(EggImportException.Kind.MALFORMED);
            assertThat(refusal.getMessage()).contains("empty");
        }

        @Test
        void refusesBytesThatAreNotUtf8() {
            byte[] content = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

            EggImportException refusal = catchThrowableOfType(EggImportException.class, () -> READER.read(content));

            assertThat(refusal.kind()).isEqualTo(EggImportException.Kind.MALFORMED);
            assertThat(refusal.getMessage()).isEqualTo("The egg is not UTF-8 text: invalid byte 0xe9 at line 1, column 14.");
        }

        @Test
        void refusesAFileOverTheSizeLimit() {
            EggReader small = new EggReader(ImportSettings.defaults().withMaxBytes(100));

            EggImportException refusal = catchThrowableOfType(EggImportException.class,
                    () -> small.read(new byte[101]));

            assertThat(refusal.kind()).isEqualTo(EggImportException.Kind.TOO_LARGE);
            assertThat(refusal.getMessage()).isEqualTo("The egg is 101 bytes long; at most 100 bytes are accepted.");
        }

        @Test
        void listsTheSupportedFormatsForAnUnknownVersion() {
            ObjectNode tree = egg();
            tree.putObject("meta").put("version", "PTDL_v3");

            EggImportException refusal = refusal(tree);

            assertThat(refusal.kind()).isEqualTo(EggImportException.Kind.UNSUPPORTED_FORMAT);
            assertThat(refusal.getMessage()).isEqualTo("The egg format 'PTDL_v3' (meta.version) is not supported."
                    + " Supported formats: PTDL_v1, PTDL_v2, PLCN_v1, PLCN_v2, PLCN_v3, as JSON or YAML.");
        }

        @Test
        void refusesADocumentWithoutMetaVersion() {
            ObjectNode tree = egg();
            tree.remove("meta");

            assertThat(refusal(tree).kind()).isEqualTo(EggImportException.Kind.UNSUPPORTED_FORMAT);
            assertThat(refusal(tree).getMessage()).contains("no meta.version", "PLCN_v3");
        }

        @Test
        void refusesADocumentThatIsNotAnObject() {
            EggImportException list = catchThrowableOfType(EggImportException.class, () -> READER.read("[1, 2]"));
            EggImportException text = catchThrowableOfType(EggImportException.class, () -> READER.read("hello"));

            assertThat(list.kind()).isEqualTo(EggImportException.Kind.UNSUPPORTED_FORMAT);
            assertThat(list.getMessage()).contains("the document is a list");
            assertThat(text.getMessage()).contains("the document is a single text");
        }

        @Test
        void refusesEnvNamesThatAreNotIdentifiers() {
            EggImportException refusal = refusal(withVariable(v -> v.put("env_variable", "server-jar")));

            assertThat(refusal.kind()).isEqualTo(EggImportException.Kind.INVALID);
            assertThat(refusal.errors()).containsExactly(new FieldError("variables.server-jar.env_variable",
                    "'server-jar' is not a valid environment variable name: use upper-case letters, digits and"
                            + " underscores, not starting with a digit (e.g. SERVER_PORT)"));
            assertThat(refusal(withVariable(v -> v.put("env_variable", "1JAR"))).errors()).hasSize(1);
            assertThat(refusal(withVariable(v -> v.put("env_variable", "SERVER JAR"))).errors()).hasSize(1);
        }

        @Test
        void acceptsLowerCaseEnvNamesWithAWarningUnlessStrict() {
            ObjectNode tree = withVariable(v -> v.put("env_variable", "hostname"));
            tree.put("startup", "./run {{hostname}}");

            assertThat(read(tree).warnings()).anySatisfy(w -> assertThat(w.message()).contains("lower-case letters"));
            EggImportException strict = catchThrowableOfType(EggImportException.class, () -> new EggReader(
                    ImportSettings.defaults().strictEnvNames()).read(Codecs.JSON.writeValueAsString(tree)));
            assertThat(strict.errors()).singleElement().extracting(FieldError::field)
                    .isEqualTo("variables.hostname.env_variable");
        }

        @Test
        void refusesReservedEnvNames() {
            EggImportException refusal = refusal(withVariable(v -> v.put("env_variable", "SERVER_PORT")));

            assertThat(refusal.kind()).isEqualTo(EggImportException.Kind.INVALID);
            assertThat(refusal.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("variables.SERVER_PORT.env_variable");
                assertThat(error.message()).startsWith("'SERVER_PORT' is reserved: the platform sets it itself");
            });
        }

        @Test
        void refusesDuplicateEnvNames() {
            ObjectNode tree = egg();
            ArrayNode variables = (ArrayNode) tree.get("variables");
            variables.add(variables.get(0).deepCopy());

            assertThat(refusal(tree).errors()).containsExactly(new FieldError("variables.SERVER_JARFILE.env_variable",
                    "'SERVER_JARFILE' is defined twice (variables[0] and variables[1])"));
        }

        @Test
        void reportsEveryProblemAtOnce() {
            ObjectNode tree = withVariable(v -> v.remove("name"));
            tree.remove("name");
            tree.putObject("docker_images");
            tree.putObject("config").put("files", "{\"a.cfg\": {\"parser\": \"toml\"}}").put("stop", "stop");

            EggImportException refusal = refusal(tree);

            assertThat(refusal.errors()).extracting(FieldError::field).containsExactly("name", "docker_images",
                    "config.files[a.cfg].parser", "variables.SERVER_JARFILE.name");
            assertThat(refusal.getMessage()).startsWith("The PTDL_v2 egg cannot be imported: name: is required;");
        }

        @Test
        void refusesConfigFilesThatAreNotValidJsonText() {
            ObjectNode tree = egg();
            ((ObjectNode) tree.get("config")).put("files", "{\n  \"server.properties\": {\"parser\": \"properties\",}\n}");

            assertThat(refusal(tree).errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("config.files");
                assertThat(error.message()).startsWith("is not valid JSON (line 2, column");
            });
        }

        @Test
        void refusesAnEggWithoutStartupCommand() {
            ObjectNode tree = egg();
            tree.remove("startup");

            assertThat(refusal(tree).errors()).containsExactly(new FieldError("startup", "is required"));
        }
    }

    @Nested
    class Warnings {

        @Test
        void warnsAboutAStartupPlaceholderNoVariableDefines() {
            ObjectNode tree = egg();
            tree.put("startup", "java -jar {{SERVER_JARFILE}} -Xmx{{SERVER_MEMORY}}M {{CLIENT_MODS}}");

            ImportedEgg imported = read(tree);

            assertThat(imported.warnings()).containsExactly(new ImportWarning("startup",
                    "refers to {{CLIENT_MODS}}, which no variable defines; it is left as written"));
        }

        @Test
        void keepsAnUnknownRuleVerbatimWithAWarning() {
            ImportedEgg imported = read(withVariable(v -> v.put("rules", "required|string|exists:users,id")));

            assertThat(imported.warnings()).singleElement().satisfies(w -> {
                assertThat(w.field()).isEqualTo("variables.SERVER_JARFILE.rules");
                assertThat(w.message()).isEqualTo("'exists:users,id' is kept as written but not checked: 'exists' is"
                        + " not a rule Lormas knows");
            });
            assertThat(imported.egg().variables().getFirst().rules().text()).isEqualTo("required|string|exists:users,id");
        }

        @Test
        void importsAnEmptyStartupCommandWithAWarning() {
            ObjectNode tree = egg();
            tree.put("startup", "");

            ImportedEgg imported = read(tree);

            assertThat(imported.egg().startup()).isEmpty();
            assertThat(imported.warnings()).containsExactly(new ImportWarning("startup",
                    "is empty: a server of this egg cannot start until a startup command is set"));
        }

        @Test
        void warnsAboutAKeyNoFormatHas() {
            ObjectNode tree = egg();
            tree.put("colour", "blue");

            assertThat(read(tree).warnings()).containsExactly(
                    new ImportWarning("colour", "is not part of any egg format and is ignored"));
        }

        @Test
        void importsACleanEggWithoutWarnings() {
            ImportedEgg imported = read(egg());

            assertThat(imported.warnings()).isEmpty();
            assertThat(imported.egg().startup()).isEqualTo("java -jar {{SERVER_JARFILE}} --port {{SERVER_PORT}}");
            assertThat(imported.egg().startupDone()).containsExactly(")! For help");
            assertThat(imported.egg().features()).isEqualTo(List.of("eula"));
        }
    }
}
