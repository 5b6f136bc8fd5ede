package org.gongyu.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test needs the real Keycloak ({@link Keycloak#ISSUER}) and the real Redis ({@link
 * #REDIS_HOST}:{@link #REDIS_PORT}); nothing of either is mocked. When one does not answer, the
 * test fails where {@code CI} is set (CI starts both, a silent skip there would hide a broken
 * pipeline) and is skipped elsewhere, with the reason and how to start what is missing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealKeycloakAndRedis.Condition.class)
@interface RealKeycloakAndRedis {

  String REDIS_HOST = Condition.env("GONGYU_TEST_REDIS_HOST", "127.0.0.1");
  int REDIS_PORT = Integer.parseInt(Condition.env("GONGYU_TEST_REDIS_PORT", "6379"));

  /** Probes both once per test JVM. */
  final class Condition implements ExecutionCondition {

    static String env(String name, String fallback) {
      String value = System.getenv(name);
      return value == null || value.isBlank() ? fallback : value;
    }

    private static String missing;
    private static boolean probed;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String why = missing();
      if (why == null) {
        return ConditionEvaluationResult.enabled("Keycloak and Redis answer");
      }
      String ci = System.getenv("CI");
      if (ci != null && !ci.isBlank()) {
        throw new IllegalStateException(why + " (CI is set, so this fails instead of skipping)");
      }
      return ConditionEvaluationResult.disabled(why + " (skipped: CI is not set)");
    }

    private static synchronized String missing() {
      if (!probed) {
        String keycloak = keycloak();
        String redis = redis();
        missing = keycloak == null ? redis : redis == null ? keycloak : keycloak + "; " + redis;
        probed = true;
      }
      return missing;
    }

    private static String keycloak() {
      String discovery = Keycloak.ISSUER + "/.well-known/openid-configuration";
      try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()) {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(discovery))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"issuer\":\"" + Keycloak.ISSUER + "\"")) {
          return null;
        }
        return "Keycloak realm gongyu not served at " + discovery + " (HTTP " + answer.statusCode()
            + "); start it with deploy/local/keycloak.sh start";
      } catch (IOException | RuntimeException e) {
        return "Keycloak not reachable at " + discovery + " (" + e + "); start it with deploy/local/keycloak.sh start";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted while probing Keycloak";
      }
    }

    private static String redis() {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(REDIS_HOST, REDIS_PORT), 2000);
        socket.setSoTimeout(2000);
        OutputStream out = socket.getOutputStream();
        out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] answer = in.readNBytes(7);
        if (new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG")) {
          return null;
        }
        return "Redis at " + REDIS_HOST + ":" + REDIS_PORT + " did not answer PING";
      } catch (IOException e) {
        return "Redis not reachable at " + REDIS_HOST + ":" + REDIS_PORT + " (" + e
            + "); start it with deploy/local/lib.sh's ensure_redis";
      }
    }
  }
}
