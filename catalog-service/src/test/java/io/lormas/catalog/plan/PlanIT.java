package io.lormas.catalog.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.lormas.catalog.support.Api;
import io.lormas.catalog.support.Api.Answer;
import io.lormas.catalog.support.CatalogIT;
import io.lormas.catalog.support.PublishedEvents;
import io.lormas.catalog.support.Tokens;
import io.lormas.contracts.catalog.PlanPublished;

/** {@code /api/catalog/plans}: exact prices, validation, who sees what, and the {@code catalog.plan.*} events. */
@CatalogIT
class PlanIT {

    @LocalServerPort
    int port;
    @Autowired
    PublishedEvents events;
    Api api;
    final String admin = Tokens.admin();

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private static Map<String, Object> plan(String name) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("name", name + " " + UUID.randomUUID().toString().substring(0, 8));
        plan.put("cpuMillis", 1500);
        plan.put("memoryMib", 2048);
        plan.put("diskMib", 10240);
        plan.put("ports", 2);
        plan.put("hourlyPrice", Map.of("amount", "0.0125", "currency", "EUR"));
        return plan;
    }

    @Test
    void createsAPlanWithAnExactHourlyPriceAndDefaults() {
        Answer created = api.post("/api/catalog/plans", plan("Small"), admin);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/catalog/plans/" + created.text("id"));
        assertThat(created.body().path("hourlyPrice").path("amount").isString()).isTrue();
        assertThat(created.body().path("hourlyPrice").path("amount").asString()).isEqualTo("0.0125");
        assertThat(created.body().path("hourlyPrice").path("currency").asString()).isEqualTo("EUR");
        assertThat(created.body().path("cpuMillis").asLong()).isEqualTo(1500);
        assertThat(created.body().path("swapMib").asLong()).isZero();
        assertThat(created.body().path("ioWeight").asInt()).isEqualTo(500);
        assertThat(created.body().path("maxReplicas").asInt()).isEqualTo(1);
        assertThat(created.body().path("active").asBoolean()).isTrue();
        assertThat(created.body().path("visible").asBoolean()).isTrue();
        assertThat(created.body().path("version").asInt()).isEqualTo(1);
    }

    @Test
    void keepsEverySubCentDigitOfThePrice() {
        Map<String, Object> request = plan("Precise");
        request.put("hourlyPrice", Map.of("amount", "12345678901234.123456", "currency", "USD"));
        request.putAll(Map.of("swapMib", -1, "ioWeight", 800, "backups", 3, "databases", 2, "maxReplicas", 10,
                "active", false, "visible", false));

        Answer created = api.post("/api/catalog/plans", request, admin);
        Answer read = api.get("/api/catalog/plans/" + created.text("id"), admin);

        assertThat(read.body().path("hourlyPrice").path("amount").asString()).isEqualTo("12345678901234.123456");
        assertThat(read.body().path("swapMib").asLong()).isEqualTo(-1);
        assertThat(read.body().path("maxReplicas").asInt()).isEqualTo(10);
        assertThat(read.body().path("backups").asInt()).isEqualTo(3);
        assertThat(read.body().path("active").asBoolean()).isFalse();
    }

    @Test
    void refusesInvalidPlansNamingEachField() {
        Map<String, Object> bad = plan("Bad");
        bad.put("cpuMillis", 0);
        bad.put("maxReplicas", 11);
        bad.put("ioWeight", 5);
        bad.put("hourlyPrice", Map.of("amount", "-1", "currency", "euro"));

        Answer answer = api.post("/api/catalog/plans", bad, admin);
        Map<String, Object> tooPrecise = plan("Precise");
        tooPrecise.put("hourlyPrice", Map.of("amount", "0.0000001", "currency", "EUR"));
        Map<String, Object> fractionalPorts = plan("Fraction");
        fractionalPorts.put("ports", 1.5);
        Map<String, Object> unknownCurrency = plan("Currency");
        unknownCurrency.put("hourlyPrice", Map.of("amount", "1", "currency", "XYZ"));
        Map<String, Object> missing = plan("Missing");
        missing.remove("hourlyPrice");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body().path("errors").values().stream().map(e -> e.path("field").asString()))
                .contains("cpuMillis", "maxReplicas", "ioWeight", "hourlyPrice.amount", "hourlyPrice.currency");
        assertThat(api.post("/api/catalog/plans", tooPrecise, admin).status()).isEqualTo(400);
        assertThat(api.post("/api/catalog/plans", fractionalPorts, admin).status()).isEqualTo(400);
        Answer currency = api.post("/api/catalog/plans", unknownCurrency, admin);
        assertThat(currency.status()).isEqualTo(400);
        assertThat(currency.text("detail")).contains("XYZ", "ISO 4217");
        Answer noPrice = api.post("/api/catalog/plans", missing, admin);
        assertThat(noPrice.body().path("errors").get(0).path("field").asString()).isEqualTo("hourlyPrice");
    }

    @Test
    void refusesADuplicateNameWith409() {
        Map<String, Object> first = plan("Unique");
        api.post("/api/catalog/plans", first, admin);
        Map<String, Object> second = plan("Other");
        second.put("name", first.get("name").toString().toUpperCase());

        Answer duplicate = api.post("/api/catalog/plans", second, admin);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("detail")).contains("already exists");
    }

    @Test
    void showsVisiblePlansToEveryoneAndHiddenOnesOnlyToPlanManagers() {
        Map<String, Object> hidden = plan("Hidden");
        hidden.put("visible", false);
        String hiddenId = api.post("/api/catalog/plans", hidden, admin).text("id");
        String visibleId = api.post("/api/catalog/plans", plan("Visible"), admin).text("id");

        List<String> anonymous = ids(api.get("/api/catalog/plans?limit=100", null));
        List<String> customer = ids(api.get("/api/catalog/plans?limit=100", Tokens.customer()));
        List<String> manager = ids(api.get("/api/catalog/plans?limit=100", Tokens.staff("plans.write")));

        assertThat(anonymous).contains(visibleId).doesNotContain(hiddenId);
        assertThat(customer).contains(visibleId).doesNotContain(hiddenId);
        assertThat(manager).contains(visibleId, hiddenId);
        assertThat(api.get("/api/catalog/plans/" + visibleId, null).status()).isEqualTo(200);
        assertThat(api.get("/api/catalog/plans/" + hiddenId, null).status()).isEqualTo(404);
        assertThat(api.get("/api/catalog/plans/" + hiddenId, Tokens.customer()).status()).isEqualTo(404);
        assertThat(api.get("/api/catalog/plans/" + hiddenId, admin).status()).isEqualTo(200);
    }

    @Test
    void refusesChangesByAnyoneWithoutPlansWrite() {
        String id = api.post("/api/catalog/plans", plan("Guarded"), admin).text("id");

        Answer anonymous = api.post("/api/catalog/plans", plan("Anonymous"), null);
        Answer customer = api.post("/api/catalog/plans", plan("Customer"), Tokens.customer());
        Answer eggManager = api.patch("/api/catalog/plans/" + id, Map.of("name", "Renamed"), Tokens.staff("eggs.write"));
        Answer customerDelete = api.delete("/api/catalog/plans/" + id, Tokens.customer());
        Answer staff = api.post("/api/catalog/plans", plan("Staff"), Tokens.staff("plans.write"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(customer.status()).isEqualTo(403);
        assertThat(customer.text("detail")).contains("plans.write");
        assertThat(eggManager.status()).isEqualTo(403);
        assertThat(customerDelete.status()).isEqualTo(403);
        assertThat(staff.status()).isEqualTo(201);
    }

    @Test
    void publishesThePlanOnCreateAndChangeAndItsRetirementOnDelete() {
        String id = api.post("/api/catalog/plans", plan("Evented"), admin).text("id");

        Answer changed = api.patch("/api/catalog/plans/" + id,
                Map.of("hourlyPrice", Map.of("amount", "0.02", "currency", "EUR"), "memoryMib", 4096, "version", 1),
                admin);
        Answer stale = api.patch("/api/catalog/plans/" + id, Map.of("name", "Late", "version", 1), admin);
        JsonNode second = events.await("catalog.plan.published", id, e -> e.path("payload").path("version").asInt() == 2);
        Answer retired = api.delete("/api/catalog/plans/" + id, admin);
        events.await("catalog.plan.retired", id);

        PlanPublished first = Api.JSON.treeToValue(events.await("catalog.plan.published", id,
                e -> e.path("payload").path("version").asInt() == 1).path("payload"), PlanPublished.class);
        assertThat(first.hourlyPrice().amount()).isEqualTo("0.0125");
        assertThat(first.cpuMillis()).isEqualTo(1500);
        assertThat(first.ports()).isEqualTo(2);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("version").asInt()).isEqualTo(2);
        assertThat(second.path("payload").path("hourlyPrice").path("amount").asString()).isEqualTo("0.02");
        assertThat(second.path("payload").path("memoryMib").asLong()).isEqualTo(4096);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(retired.status()).isEqualTo(204);
        assertThat(api.get("/api/catalog/plans/" + id, admin).status()).isEqualTo(404);
        assertThat(events.about(id).stream().map(e -> e.path("type").asString()))
                .containsExactly("catalog.plan.published", "catalog.plan.published", "catalog.plan.retired");
    }

    private static List<String> ids(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body().path("items").values().stream().map(p -> p.path("id").asString()).toList();
    }
}
