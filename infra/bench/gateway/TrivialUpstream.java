import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The gateway benchmark's upstream, JDK only (run as {@code java TrivialUpstream.java <port> <issuer> <token-file>}):
 * answers every request with a small JSON list, and stands in for identity-service by serving a JWKS at
 * {@code /oauth2/jwks} and writing an RS256 access token for {@code <issuer>} (valid one hour) to the token file.
 */
public class TrivialUpstream {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] BODY = "{\"items\":[{\"id\":\"0190a5f2-7d1e-7c3a-9a4e-5b6c7d8e9f00\",\"name\":\"bench\"}],\"next\":null}"
            .getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String issuer = args[1];
        Path tokenFile = Path.of(args[2]);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        byte[] jwks = ("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + B64.encodeToString(unsigned(publicKey.getModulus())) + "\",\"e\":\""
                + B64.encodeToString(unsigned(publicKey.getPublicExponent())) + "\"}]}").getBytes(StandardCharsets.UTF_8);

        long now = Instant.now().getEpochSecond();
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"bench\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"0190a5f2-7d1e-7c3a-9a4e-5b6c7d8e9f01\","
                + "\"principal_type\":\"user\",\"roles\":[\"customer\"],\"iat\":" + now + ",\"nbf\":" + now
                + ",\"exp\":" + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        String token = header + "." + payload + "." + B64.encodeToString(signer.sign());

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/oauth2/jwks", exchange -> answer(exchange, jwks));
        server.createContext("/", exchange -> answer(exchange, BODY));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        Files.writeString(tokenFile, token);
        System.out.println("trivial upstream on 127.0.0.1:" + port);
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Big-endian magnitude without the sign byte, as JWK wants it. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
