package io.lormas.catalog.egg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.lormas.catalog.support.Api;
import io.lormas.catalog.support.Api.Answer;
import io.lormas.catalog.support.CatalogIT;
import io.lormas.catalog.support.SampleEgg;
import io.lormas.catalog.support.Tokens;
import io.lormas.testkit.TestTokens;

/** Who may do what with eggs: admins and egg managers everything, customers read and validate, anonymous nothing. */
@CatalogIT
class EggAccessIT {

    @LocalServerPort
    int port;
    Api api;
    final String admin = Tokens.admin();
    final String customer = Tokens.customer();
    String eggId;

    @BeforeEach
    void eggToLookAt() {
        api = new Api(port);
        eggId = api.upload("/api/catalog/eggs/import", SampleEgg.named("Access").bytes(), "application/json", admin)
                .text("id");
    }

    @Test
    void refusesAnonymousCallersEverything() {
        for (Answer answer : List.of(api.get("/api/catalog/eggs", null), api.get("/api/catalog/eggs/" + eggId, null),
                api.get("/api/catalog/nests", null),
                api.upload("/api/catalog/eggs/import", SampleEgg.named("Anon").bytes(), "application/json", null),
                api.post("/api/catalog/eggs/" + eggId + "/variables/validate", Map.of("variables", Map.of()), null))) {
            EggImportIT.assertProblem(answer, 401, "unauthorized");
        }
    }

    @Test
    void refusesInvalidTokens() {
        String expired = TestTokens.shared().user(java.util.UUID.randomUUID()).roles("admin").expired().sign();
        String forged = TestTokens.shared().user(java.util.UUID.randomUUID()).roles("admin").signedWithForeignKey().sign();
        String unsigned = TestTokens.shared().user(java.util.UUID.randomUUID()).roles("admin").unsigned();

        for (String token : List.of(expired, forged, unsigned)) {
            EggImportIT.assertProblem(api.upload("/api/catalog/eggs/import", SampleEgg.named("Forged").bytes(),
                    "application/json", token), 401, "unauthorized");
        }
    }

    @Test
    void refusesCustomersEveryChange() {
        List<Answer> answers = List.of(
                api.upload("/api/catalog/eggs/import", SampleEgg.named("Customer").bytes(), "application/json", customer),
                api.upload("/api/catalog/eggs/" + eggId + "/import", SampleEgg.named("C").bytes(), "application/json",
                        customer),
                api.patch("/api/catalog/eggs/" + eggId, Map.of("capabilities", List.of("CHOWN")), customer),
                api.delete("/api/catalog/eggs/" + eggId, customer),
                api.get("/api/catalog/eggs/" + eggId + "/export?format=PTDL_v2", customer),
                api.get("/api/catalog/eggs/" + eggId + "/versions", customer),
                api.post("/api/catalog/nests", Map.of("name", "Customer nest"), customer));

        for (Answer answer : answers) {
            EggImportIT.assertProblem(answer, 403, "forbidden");
            assertThat(answer.text("detail")).contains("eggs.write");
        }
        assertThat(api.get("/api/catalog/eggs/" + eggId, admin).status()).isEqualTo(200);
    }

    @Test
    void showsCustomersWhatChoosingAnEggNeedsButNoHiddenVariableOrScript() {
        Answer forCustomer = api.get("/api/catalog/eggs/" + eggId, customer);
        Answer forAdmin = api.get("/api/catalog/eggs/" + eggId, admin);

        assertThat(forCustomer.status()).isEqualTo(200);
        assertThat(envNames(forCustomer)).containsExactly("SERVER_JARFILE", "MAX_PLAYERS", "LOCKED_MODE");
        assertThat(forCustomer.raw().body()).doesNotContain("operator-secret-default", "LICENSE_KEY", "cd /mnt/server");
        assertThat(forCustomer.body().has("install")).isFalse();
        assertThat(forCustomer.body().has("configFiles")).isFalse();
        assertThat(forCustomer.body().has("warnings")).isFalse();
        assertThat(forCustomer.text("startup")).contains("{{SERVER_JARFILE}}");
        assertThat(envNames(forAdmin)).contains("LICENSE_KEY");
        assertThat(forAdmin.body().path("install").path("script").asString()).contains("cd /mnt/server");
        // lists are for everyone signed in
        assertThat(api.get("/api/catalog/eggs?limit=5", customer).body().path("items").size()).isPositive();
    }

    @Test
    void letsStaffAndIntegratorsWithEggsWriteManageEggs() {
        String staff = Tokens.staff("eggs.write");
        String integrator = Tokens.client("eggs.write");
        String integratorWithoutScope = Tokens.client("servers.read");

        Answer byStaff = api.upload("/api/catalog/eggs/import", SampleEgg.named("Staff").bytes(), "application/json",
                staff);
        Answer byIntegrator = api.upload("/api/catalog/eggs/import", SampleEgg.named("Integrator").bytes(),
                "application/json", integrator);
        Answer refused = api.upload("/api/catalog/eggs/import", SampleEgg.named("No scope").bytes(),
                "application/json", integratorWithoutScope);

        assertThat(byStaff.status()).isEqualTo(201);
        assertThat(byIntegrator.status()).isEqualTo(201);
        EggImportIT.assertProblem(refused, 403, "forbidden");
        assertThat(api.get("/api/catalog/eggs/" + byStaff.text("id") + "/export", staff).status()).isEqualTo(200);
    }

    @Test
    void validatesVariablesPerVariableWithTheRightsOfTheCaller() {
        String path = "/api/catalog/eggs/" + eggId + "/variables/validate";
        Map<String, Object> request = Map.of("variables",
                Map.of("MAX_PLAYERS", "9000", "SERVER_JARFILE", "server.exe", "LOCKED_MODE", "off", "NOPE", "1"));

        Answer asCustomer = api.post(path, request, customer);
        Answer asAdmin = api.post(path, request, admin);
        Answer valid = api.post(path, Map.of("variables", Map.of("MAX_PLAYERS", "64")), customer);

        assertThat(asCustomer.status()).isEqualTo(200);
        assertThat(asCustomer.body().path("valid").asBoolean()).isFalse();
        JsonNode errors = asCustomer.body().path("errors");
        assertThat(errors.path("MAX_PLAYERS").get(0).asString())
                .isEqualTo("Max Players (MAX_PLAYERS) must be between 1 and 500.");
        assertThat(errors.path("SERVER_JARFILE").get(0).asString()).contains("Server Jar File (SERVER_JARFILE)");
        assertThat(errors.path("LOCKED_MODE").get(0).asString()).contains("not user-editable");
        assertThat(errors.path("NOPE").get(0).asString()).contains("not a variable of this egg");
        // a customer never sees the hidden variable's value
        assertThat(asCustomer.body().path("environment").has("LICENSE_KEY")).isFalse();
        // an admin may set what users may not
        assertThat(asAdmin.body().path("errors").has("LOCKED_MODE")).isFalse();
        assertThat(asAdmin.body().path("environment").path("LICENSE_KEY").asString()).isEqualTo("operator-secret-default");
        assertThat(valid.body().path("valid").asBoolean()).isTrue();
        assertThat(valid.body().path("environment").path("MAX_PLAYERS").asString()).isEqualTo("64");
        assertThat(valid.body().path("errors").isEmpty()).isTrue();
    }

    @Test
    void answersBadValidationRequestsWith400AndUnknownEggsWith404() {
        Answer noVariables = api.post("/api/catalog/eggs/" + eggId + "/variables/validate", Map.of(), customer);
        Answer unknown = api.post("/api/catalog/eggs/" + java.util.UUID.randomUUID() + "/variables/validate",
                Map.of("variables", Map.of()), customer);
        Answer badId = api.get("/api/catalog/eggs/not-a-uuid", customer);

        EggImportIT.assertProblem(noVariables, 400, "validation");
        EggImportIT.assertProblem(unknown, 404, "not-found");
        EggImportIT.assertProblem(badId, 400, "validation");
    }

    private static List<String> envNames(Answer answer) {
        return answer.body().path("variables").values().stream().map(v -> v.path("envVariable").asString()).toList();
    }
}
