package io.lormas.catalog.egg.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.catalog.egg.EggManagement;
import io.lormas.catalog.egg.EggRow;
import io.lormas.catalog.egg.EggVersionRow;
import io.lormas.catalog.egg.EggVersions;
import io.lormas.catalog.egg.Eggs;
import io.lormas.catalog.web.Page;
import io.lormas.catalog.web.PageRequest;
import io.lormas.contracts.identity.Permissions;
import io.lormas.eggs.Editor;
import io.lormas.eggs.Egg;
import io.lormas.eggs.VariableValidation;
import io.lormas.eggs.format.EggFormat;
import io.lormas.eggs.format.EggWriter;
import io.lormas.eggs.format.ImportWarning;
import io.lormas.eggs.format.Syntax;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.security.Principals;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * Eggs. Any signed-in principal reads them (without what only operators may see, see {@link EggResponse}) and
 * validates variables against them; {@code eggs.write} imports, exports, edits and removes them.
 */
@RestController
@RequestMapping("/api/catalog/eggs")
class EggController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    private static final List<String> EXPORT_FORMATS = List.of(EggFormat.PTDL_V2.id(), EggFormat.PLCN_V3.id());
    private static final Pattern DATA_URI = Pattern.compile("data:(image/[a-z0-9.+-]+);base64,(.*)", Pattern.DOTALL);
    private static final Set<String> ICON_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "image/svg+xml");

    private final Eggs eggs;
    private final EggVersions versions;
    private final EggManagement management;
    private final EggWriter writer = new EggWriter();
    private final JsonMapper json;

    EggController(Eggs eggs, EggVersions versions, EggManagement management, JsonMapper json) {
        this.eggs = eggs;
        this.versions = versions;
        this.management = management;
        this.json = json;
    }

    /** The journey's import: 201 with the new egg, 200 when it updated (or already was) an existing one. */
    @PostMapping("/import")
    ResponseEntity<EggResponse> importFile(@RequestBody(required = false) byte @Nullable [] file,
            @RequestParam(required = false) @Nullable UUID nest) {
        return imported(management.importFile(file == null ? new byte[0] : file, nest, null, manager()));
    }

    /** Updates one egg from a file, e.g. the newer upstream version of a Pterodactyl egg that has no uuid. */
    @PostMapping("/{id}/import")
    ResponseEntity<EggResponse> importInto(@PathVariable UUID id, @RequestBody(required = false) byte @Nullable [] file,
            @RequestParam(required = false) @Nullable UUID nest) {
        return imported(management.importFile(file == null ? new byte[0] : file, nest, id, manager()));
    }

    private ResponseEntity<EggResponse> imported(EggManagement.Imported imported) {
        EggRow head = imported.egg();
        EggVersionRow version = eggs.findVersion(head.id(), head.version()).orElseThrow();
        EggResponse body = EggResponse.of(head, version, imported.definition(), true, imported.warnings(),
                imported.created(), imported.changed());
        return imported.created()
                ? ResponseEntity.created(URI.create("/api/catalog/eggs/" + head.id())).body(body)
                : ResponseEntity.ok(body);
    }

    @GetMapping
    Page<EggSummary> list(@RequestParam(required = false) @Nullable UUID nest,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        Principals.require();
        PageRequest page = PageRequest.of(cursor, limit);
        return Page.of(eggs.findPage(nest, page.after(), page.fetch()), page.limit(), EggRow::id, EggSummary::of);
    }

    @GetMapping("/{id}")
    EggResponse get(@PathVariable UUID id, @RequestParam(required = false) @Positive @Nullable Integer version) {
        LormasPrincipal principal = Principals.require();
        boolean manager = principal.can(Permissions.EGGS_WRITE);
        EggRow head = head(id);
        EggVersionRow row = versionRow(head, version);
        Egg egg = versions.find(id, row.version()).orElseThrow().egg();
        return EggResponse.of(head, row, egg, manager, manager ? warnings(row) : null, null, null);
    }

    record VersionView(int version, @Nullable UUID nestId, List<String> capabilities, @Nullable String sourceFormat,
            @Nullable String sourceSyntax, @Nullable String sourceSha256, List<ImportWarning> warnings,
            String createdBy, Instant createdAt) {
    }

    /** Every version, newest first (managers: who made it, from which file, what the import noted). */
    @GetMapping("/{id}/versions")
    Page<VersionView> versions(@PathVariable UUID id) {
        Principals.requirePermission(Permissions.EGGS_WRITE);
        head(id);
        List<VersionView> items = eggs.findVersions(id).stream()
                .map(v -> new VersionView(v.version(), v.nestId(), v.capabilities(), v.sourceFormat(), v.sourceSyntax(),
                        v.sourceSha256(), warnings(v), v.createdBy(), v.createdAt()))
                .toList();
        return new Page<>(items, null);
    }

    /** The file a version was imported from, byte for byte as received. */
    @GetMapping("/{id}/versions/{version}/source")
    ResponseEntity<String> source(@PathVariable UUID id, @PathVariable int version) {
        Principals.requirePermission(Permissions.EGGS_WRITE);
        EggVersionRow row = versionRow(head(id), version);
        String source = eggs.findSource(id, version).orElseThrow(() -> ProblemException.notFound(
                "imported file of egg " + id + " version", version));
        MediaType type = "yaml".equals(row.sourceSyntax()) ? YAML : MediaType.APPLICATION_JSON;
        return ResponseEntity.ok().contentType(new MediaType(type, StandardCharsets.UTF_8)).body(source);
    }

    /**
     * Writes the egg as PTDL_v2 (JSON) or PLCN_v3 (JSON, or YAML with {@code syntax=yaml} or {@code Accept:
     * application/yaml}). Exports carry the egg's uuid: importing one again updates this egg.
     */
    @GetMapping("/{id}/export")
    ResponseEntity<String> export(@PathVariable UUID id, @RequestParam(required = false) @Nullable String format,
            @RequestParam(required = false) @Nullable String syntax,
            @RequestParam(required = false) @Positive @Nullable Integer version,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        Principals.requirePermission(Permissions.EGGS_WRITE);
        EggFormat eggFormat = exportFormat(format);
        Syntax eggSyntax = exportSyntax(syntax, accept, eggFormat);
        EggRow head = head(id);
        EggVersionRow row = versionRow(head, version);
        Egg egg = versions.find(id, row.version()).orElseThrow().egg();
        String text = writer.write(egg, eggFormat, eggSyntax);
        String extension = eggSyntax == Syntax.YAML ? "yaml" : "json";
        MediaType type = eggSyntax == Syntax.YAML ? YAML : MediaType.APPLICATION_JSON;
        return ResponseEntity.ok()
                .contentType(new MediaType(type, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("egg-" + slug(egg.name()) + "." + extension).build().toString())
                .body(text);
    }

    /** The egg's picture (PLCN_v3 {@code icon}), decoded from its data: URI. */
    @GetMapping("/{id}/icon")
    ResponseEntity<byte[]> icon(@PathVariable UUID id) {
        Principals.require();
        EggRow head = head(id);
        Egg egg = versions.find(id, head.version()).orElseThrow().egg();
        Matcher uri = egg.icon() == null ? null : DATA_URI.matcher(egg.icon());
        if (uri == null || !uri.matches() || !ICON_TYPES.contains(uri.group(1))) {
            throw ProblemException.notFound("icon of egg", id);
        }
        byte[] image;
        try {
            image = Base64.getMimeDecoder().decode(uri.group(2));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("icon of egg", id);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(uri.group(1)))
                // an SVG from an egg file must never run as a document of this origin
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(image);
    }

    /**
     * Files the egg in a nest ({@code "nestId": "<id>"}, or null for none) and/or sets the Linux capabilities its
     * servers get ({@code "capabilities": ["NET_BIND_SERVICE"]}): a new version with the same definition.
     */
    @PatchMapping("/{id}")
    EggResponse edit(@PathVariable UUID id, @RequestBody JsonNode changes) {
        LormasPrincipal principal = manager();
        if (!changes.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object with nestId and/or capabilities");
        }
        List<FieldViolation> errors = new ArrayList<>();
        boolean moveNest = changes.has("nestId");
        UUID nestId = null;
        if (moveNest && !changes.get("nestId").isNull()) {
            try {
                nestId = UUID.fromString(changes.get("nestId").asString());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldViolation("nestId", "must be a nest id or null"));
            }
        }
        List<String> capabilities = null;
        if (changes.has("capabilities")) {
            JsonNode list = changes.get("capabilities");
            if (!list.isArray() || list.values().stream().anyMatch(item -> !item.isString())) {
                errors.add(new FieldViolation("capabilities", "must be a list of capability names"));
            } else {
                capabilities = list.values().stream().map(JsonNode::asString).toList();
            }
        }
        for (String field : changes.propertyNames()) {
            if (!field.equals("nestId") && !field.equals("capabilities")) {
                errors.add(new FieldViolation(field, "cannot be changed here; import a new version of the egg"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("request has invalid fields", errors);
        }
        EggRow head = management.edit(id, moveNest, nestId, capabilities, principal);
        EggVersionRow row = eggs.findVersion(id, head.version()).orElseThrow();
        return EggResponse.of(head, row, versions.find(id, head.version()).orElseThrow().egg(), true, warnings(row),
                null, null);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        manager();
        management.remove(id);
        return ResponseEntity.noContent().build();
    }

    /**
     * @param variables the values to check, by environment name
     * @param current the server's present values, when checking a change (a user may resend a read-only value)
     * @param version the egg version (default: the current one)
     */
    record ValidationRequest(@NotNull Map<String, @Nullable String> variables,
            @Nullable Map<String, @Nullable String> current, @Positive @Nullable Integer version) {
    }

    /**
     * @param errors plain-words messages per environment name; empty when valid
     * @param environment every variable's effective value (given, else current, else default) that the caller may see
     */
    record ValidationResponse(boolean valid, int version, Map<String, List<String>> errors,
            Map<String, String> environment) {
    }

    /**
     * Checks server variables with the rule engine deploy-service uses. A manager ({@code eggs.write} or
     * {@code servers.admin}) may set any variable; everyone else only user-editable ones. Always 200: the answer is
     * the verdict.
     */
    @PostMapping("/{id}/variables/validate")
    ValidationResponse validate(@PathVariable UUID id, @Valid @RequestBody ValidationRequest request) {
        LormasPrincipal principal = Principals.require();
        Editor editor = principal.can(Permissions.EGGS_WRITE) || principal.can(Permissions.SERVERS_ADMIN)
                ? Editor.ADMIN : Editor.USER;
        EggRow head = head(id);
        int version = request.version() == null ? head.version() : request.version();
        EggVersions.Parsed egg = versions.find(id, version)
                .orElseThrow(() -> ProblemException.notFound("version of egg " + id, version));
        VariableValidation result = egg.validator().validate(withoutNulls(request.variables()),
                request.current() == null ? Map.of() : withoutNulls(request.current()), editor);
        return new ValidationResponse(result.isValid(), version, result.messagesByVariable(),
                egg.validator().visible(result.environment(), editor));
    }

    private static Map<String, String> withoutNulls(Map<String, @Nullable String> values) {
        Map<String, String> given = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                given.put(name, value);
            }
        });
        return given;
    }

    private static LormasPrincipal manager() {
        return Principals.requirePermission(Permissions.EGGS_WRITE);
    }

    private EggRow head(UUID id) {
        return eggs.findById(id).orElseThrow(() -> ProblemException.notFound("egg", id));
    }

    private EggVersionRow versionRow(EggRow head, @Nullable Integer version) {
        int wanted = version == null ? head.version() : version;
        return eggs.findVersion(head.id(), wanted)
                .orElseThrow(() -> ProblemException.notFound("version of egg " + head.id(), wanted));
    }

    private List<ImportWarning> warnings(EggVersionRow row) {
        return List.of(json.readValue(row.warnings(), ImportWarning[].class));
    }

    private static EggFormat exportFormat(@Nullable String format) {
        if (format == null || format.isBlank()) {
            return EggFormat.PLCN_V3;
        }
        for (String id : EXPORT_FORMATS) {
            if (id.equalsIgnoreCase(format.strip())) {
                return EggFormat.fromId(id).orElseThrow();
            }
        }
        throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "eggs are exported as " + String.join(" or ", EXPORT_FORMATS) + ", not '" + format + "'",
                List.of(new FieldViolation("format", "must be one of " + String.join(", ", EXPORT_FORMATS))),
                Map.of("supportedFormats", EXPORT_FORMATS), null);
    }

    private static Syntax exportSyntax(@Nullable String syntax, @Nullable String accept, EggFormat format) {
        Syntax chosen;
        if (syntax != null && !syntax.isBlank()) {
            chosen = switch (syntax.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> Syntax.JSON;
                case "yaml", "yml" -> Syntax.YAML;
                default -> throw ProblemException.badRequest("syntax must be json or yaml",
                        List.of(new FieldViolation("syntax", "must be json or yaml")));
            };
        } else {
            chosen = accept != null && wantsYaml(accept) ? Syntax.YAML : Syntax.JSON;
        }
        if (!EggWriter.supports(format, chosen)) {
            throw ProblemException.badRequest(format.id() + " is exported as JSON only; PLCN_v3 can be YAML",
                    List.of(new FieldViolation("syntax", format.id() + " is JSON only")));
        }
        return chosen;
    }

    private static boolean wantsYaml(String accept) {
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
            if (subtype.equals("yaml") || subtype.equals("x-yaml")) {
                return true;
            }
            if (subtype.equals("json")) {
                return false;
            }
        }
        return false;
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "egg" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
