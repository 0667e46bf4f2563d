package io.lormas.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Signs in as the web console does: authorization code with PKCE for the public client {@code lormas-console},
 * following the real login form (with its CSRF token and session cookie) through the gateway, like a browser.
 */
final class ConsoleSignIn {

    private static final String CLIENT = "lormas-console";
    private static final String CALLBACK = RunningPlatform.URL + "/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private ConsoleSignIn() {
    }

    /** The access token of a signed-in user. */
    static String accessToken(String email, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = random();
        String state = random();
        String authorize = RunningPlatform.URL + "/oauth2/authorize?response_type=code&client_id=" + CLIENT
                + "&scope=" + encode("openid profile email") + "&redirect_uri=" + encode(CALLBACK) + "&state=" + state
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";

        HttpResponse<String> first = send(browser, HttpRequest.newBuilder(URI.create(authorize))
                .header("Accept", "text/html").GET());
        String loginUrl = location(first, "the authorization request");
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(absolute(loginUrl)).header("Accept", "text/html").GET());
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new AssertionError("no login form with a CSRF token at " + loginUrl + ": HTTP " + page.statusCode());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("password", password);
        form.put("_csrf", csrf.group(1));
        HttpResponse<String> submitted = send(browser, HttpRequest.newBuilder(absolute(loginUrl.replaceAll("\\?.*$", "")))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
        String resume = location(submitted, "the login form");
        if (resume.contains("/login")) {
            throw new AssertionError("sign-in refused for " + email + ": " + resume);
        }
        HttpResponse<String> resumed = send(browser, HttpRequest.newBuilder(absolute(resume)).header("Accept", "text/html").GET());
        String callback = location(resumed, "the resumed authorization");
        if (!callback.startsWith(CALLBACK)) {
            throw new AssertionError("expected a redirect to " + CALLBACK + " but got " + callback);
        }
        Map<String, String> query = query(URI.create(callback).getRawQuery());
        if (!state.equals(query.get("state"))) {
            throw new AssertionError("state mismatch in " + callback);
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", query.get("code"));
        exchange.put("redirect_uri", CALLBACK);
        exchange.put("client_id", CLIENT);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> tokens = send(browser, HttpRequest.newBuilder(URI.create(RunningPlatform.URL + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(exchange))));
        if (tokens.statusCode() != 200) {
            throw new AssertionError("code exchange failed: HTTP " + tokens.statusCode() + " " + tokens.body());
        }
        JsonNode body = Api.JSON.readTree(tokens.body());
        return body.path("access_token").asString();
    }

    /** An integrator's token: client_credentials with the client's own id and secret. */
    static String clientToken(String clientId, String clientSecret, String scopes) {
        HttpClient http = HttpClient.newHttpClient();
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(RunningPlatform.URL + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + encode(scopes))));
        if (response.statusCode() != 200) {
            throw new AssertionError("client_credentials failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return Api.JSON.readTree(response.body()).path("access_token").asString();
    }

    private static String location(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 3) {
            throw new AssertionError(what + " answered HTTP " + response.statusCode() + " instead of a redirect: "
                    + response.body());
        }
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static URI absolute(String location) {
        return location.startsWith("http") ? URI.create(location) : URI.create(RunningPlatform.URL + location);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }
}
