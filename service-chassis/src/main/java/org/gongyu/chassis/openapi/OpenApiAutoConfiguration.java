package org.gongyu.chassis.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongyu.chassis.security.GongyuSecurityProperties;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The API description every service publishes at {@code /v3/api-docs} (and Swagger UI at
 * {@code /swagger-ui.html}), completed with what is the same everywhere:
 *
 * <ul>
 *   <li>the bearer security scheme ({@value #BEARER}: a Keycloak access token, with how to get one
 *       through the client {@code gongyu-cli}), required by every operation, so Swagger UI shows an
 *       Authorize button whose token it sends (and keeps across reloads, see
 *       {@code ChassisDefaults});
 *   <li>the {@code application/problem+json} answers under {@code /api}: 400, 401, 403, 404, 409 and
 *       422 for writes, 500, each with the {@value #PROBLEM} schema (RFC 9457).
 * </ul>
 *
 * What each operation does is written by the service on its controllers ({@code @Operation},
 * {@code @Tag}); who may call it and for which unit is added here from its {@code @PreAuthorize}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
public class OpenApiAutoConfiguration {

  /** Name of the security scheme. */
  public static final String BEARER = "bearer-jwt";
  /** Name of the problem schema. */
  public static final String PROBLEM = "ProblemDetail";
  static final String PROBLEM_JSON = "application/problem+json";

  @Bean
  GlobalOpenApiCustomizer gongyuOpenApi(Environment env, ObjectProvider<GongyuSecurityProperties> security) {
    String service = env.getProperty("spring.application.name", "service");
    String issuer = security.getIfAvailable() != null && security.getIfAvailable().issuer() != null
        ? security.getIfAvailable().issuer() : "http://127.0.0.1:8180/realms/gongyu";
    return api -> customise(api, service, issuer);
  }

  /**
   * Adds to each operation's description who may call it, from its {@code @PreAuthorize} rule
   * (roles, org-unit scope, the rule itself), so that the description cannot drift from the rule.
   */
  @Bean
  GlobalOperationCustomizer gongyuAccessNotes() {
    return (operation, handlerMethod) -> {
      PreAuthorize rule = handlerMethod.getMethodAnnotation(PreAuthorize.class);
      if (rule == null) {
        rule = handlerMethod.getBeanType().getAnnotation(PreAuthorize.class);
      }
      if (rule != null) {
        String own = operation.getDescription();
        String access = AccessNotes.describe(rule.value());
        operation.setDescription(own == null || own.isBlank() ? access : own + "\n\n" + access);
      }
      return operation;
    };
  }

  static void customise(OpenAPI api, String service, String issuer) {
    Info info = api.getInfo() != null ? api.getInfo() : new Info();
    if (info.getTitle() == null || info.getTitle().isBlank() || "OpenAPI definition".equals(info.getTitle())) {
      info.setTitle("Gongyu " + service);
    }
    if (info.getDescription() == null) {
      info.setDescription("""
          Gongyu (共育) %s API. Every call needs a bearer access token from Keycloak (see the \
          security scheme). Errors are application/problem+json (RFC 9457); send Accept-Language: \
          zh-CN for Chinese titles, details and field messages, en (the default) for English.

          共育平台 %s 接口。每次调用都需要 Keycloak 签发的持有者访问令牌（见安全方案）。错误以 \
          application/problem+json（RFC 9457）返回；请求头 Accept-Language: zh-CN 返回中文，en（默认）返回英文。"""
          .formatted(service, service));
    }
    api.setInfo(info);

    Components components = api.getComponents() != null ? api.getComponents() : new Components();
    components.addSecuritySchemes(BEARER, new SecurityScheme()
        .type(SecurityScheme.Type.HTTP)
        .scheme("bearer")
        .bearerFormat("JWT")
        .description("""
            A Keycloak access token of realm gongyu (audience gongyu-api). For scripts and Swagger UI, \
            get one with the public client gongyu-cli (password grant):

                curl -d grant_type=password -d client_id=gongyu-cli -d username=<user> -d password=<password> \\
                  %1$s/protocol/openid-connect/token

            and paste the access_token value (without "Bearer ") into Authorize. It is valid for a few \
            minutes; the roles and the org unit (school_id, county_id, city_id) come from the token.

            Keycloak（realm gongyu）签发的访问令牌。用公共客户端 gongyu-cli 以密码方式获取（见上面的 curl 命令），\
            将 access_token 的值（不含 "Bearer "）粘贴到 Authorize 中。令牌几分钟内有效；角色和所属单位来自令牌。"""
            .formatted(issuer)));
    components.addSchemas(PROBLEM, problemSchema());
    api.setComponents(components);
    api.setSecurity(new java.util.ArrayList<>(java.util.List.of(new SecurityRequirement().addList(BEARER))));

    if (api.getPaths() == null) {
      return;
    }
    api.getPaths().forEach((path, item) -> {
      if (!path.startsWith("/api/")) {
        return;
      }
      item.readOperationsMap().forEach((method, op) -> addProblems(path, method, op));
    });
  }

  private static void addProblems(String path, PathItem.HttpMethod method, Operation op) {
    ApiResponses responses = op.getResponses() != null ? op.getResponses() : new ApiResponses();
    boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
        && method != PathItem.HttpMethod.OPTIONS;
    Map<String, String> problems = new LinkedHashMap<>();
    problems.put("400", "Invalid request: a field, parameter or body that cannot be read or breaks a constraint"
        + " (errors lists each as field: message) · 请求无效");
    problems.put("401", "No bearer token, or one that is invalid, expired or not meant for this API · 未认证");
    problems.put("403", "The caller's role may not do this · 角色无权执行");
    problems.put("404", "Not found, or a unit that is not the caller's (the two answer alike) · 未找到（或不属于调用者的单位）");
    if (write) {
      problems.put("409", "Conflicts with what is stored, or the state does not allow it; nothing was changed · 冲突");
      problems.put("422", "Well-formed, but breaks a rule of the domain (errors lists each rule) · 不符合业务规则");
    }
    problems.put("500", "The service failed; nothing was changed · 内部错误");
    problems.forEach((code, description) -> responses.addApiResponse(code, new ApiResponse()
        .description(description)
        .content(new Content().addMediaType(PROBLEM_JSON,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
    op.setResponses(responses);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> problemSchema() {
    Schema schema = new ObjectSchema()
        .description("RFC 9457 problem details; title, detail and errors in the language of Accept-Language"
            + " (zh-CN or en) · 问题详情（RFC 9457），语言随 Accept-Language")
        .addProperty("type", new StringSchema().format("uri").example("urn:gongyu:problem:not-found"))
        .addProperty("title", new StringSchema().example("Not found"))
        .addProperty("status", new IntegerSchema().format("int32").example(404))
        .addProperty("detail", new StringSchema().example("school 9901010001 is not registered"))
        .addProperty("instance", new StringSchema().format("uri"))
        .addProperty("errors", new ArraySchema().items(new StringSchema())
            .description("each invalid field or broken rule, as field: message"));
    schema.setAdditionalProperties(Boolean.TRUE);
    return schema;
  }
}
