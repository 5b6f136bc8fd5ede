package org.gongyu.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules every Gongyu service keeps, for the classes of one service ({@code org.gongyu.<service>}).
 * A service's {@code ArchitectureTest} includes them with {@code ArchTests.in(ServiceArchitectureRules.class)}
 * (or checks {@link #all()}) and adds its own.
 */
public final class ServiceArchitectureRules {

  private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
  private static final String KAFKA_LISTENER = "org.springframework.kafka.annotation.KafkaListener";
  private static final String TRANSACTIONAL = "org.springframework.transaction.annotation.Transactional";
  private static final String INBOX = "org.gongyu.chassis.messaging.Inbox";
  private static final String BATCH_DELIVERY = "org.gongyu.chassis.messaging.BatchDelivery";
  private static final String REQUEST_MAPPING = "org.springframework.web.bind.annotation.RequestMapping";
  private static final String PRE_AUTHORIZE = "org.springframework.security.access.prepost.PreAuthorize";
  private static final String SCHEDULED = "org.springframework.scheduling.annotation.Scheduled";
  private static final String CLUSTER_SCAN = "org.gongyu.chassis.scheduling.ClusterScan";
  private static final String EVERY_INSTANCE = "org.gongyu.chassis.scheduling.EveryInstance";

  private ServiceArchitectureRules() {}

  /**
   * Everything a controller method returns, followed through generic arguments and the fields of
   * the service's own records, is a web-edge type: no event record from contracts, no JDBC row.
   */
  @ArchTest
  public static final ArchRule CONTROLLERS_RETURN_ONLY_WEB_RECORDS =
      methods().that().areDeclaredInClassesThat().areAnnotatedWith(REST_CONTROLLER)
          .should(exposeNoContractOrRowTypes())
          .because("the API is a contract of its own; event and row shapes must be able to change without breaking it");

  @ArchTest
  public static final ArchRule FEATURES_ARE_FREE_OF_CYCLES =
      slices().matching("org.gongyu.*.(*)..").should().beFreeOfCycles();

  @ArchTest
  public static final ArchRule INTERNAL_PACKAGES_STAY_INSIDE_THEIR_FEATURE =
      classes().that().resideInAPackage("org.gongyu.*.*.internal..")
          .should(onlyBeUsedInsideTheirFeature())
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule EVENTS_LEAVE_ONLY_THROUGH_THE_OUTBOX =
      noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaOperations")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.producer.KafkaProducer")
          .because("events are written to the transactional outbox with the change they announce (no dual writes)");

  @ArchTest
  public static final ArchRule LISTENERS_ARE_TRANSACTIONAL_AND_RECORD_WHAT_THEY_CONSUMED =
      methods().that().areAnnotatedWith(KAFKA_LISTENER)
          .should(ArchConditions.<JavaMethod>beAnnotatedWith(TRANSACTIONAL).or(callApplyOf(BATCH_DELIVERY)))
          .andShould(beDeclaredInAClassUsing(INBOX))
          .allowEmptyShould(true)
          .because("a consumed event id is recorded in the same transaction as the change it causes (a record listener"
              + " is @Transactional; a batch listener hands its records to the BatchDelivery, which opens the transaction)");

  /**
   * One persistence style (docs/persistence.md): SQL in text blocks through {@code JdbcClient};
   * {@code JdbcTemplate} only for {@code batchUpdate}, which JdbcClient does not offer; no ORM.
   */
  @ArchTest
  public static final ArchRule SQL_GOES_THROUGH_JDBC_CLIENT =
      noClasses().should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
              "a JdbcTemplate method other than batchUpdate",
              call -> call.getTargetOwner().getName().equals("org.springframework.jdbc.core.JdbcTemplate")
                  && !call.getName().equals("batchUpdate") && !call.getName().equals("<init>")))
          .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate")
          .orShould().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
          .because("every repository reads the same way: SQL beside the code in JdbcClient, batches through batchUpdate");

  @ArchTest
  public static final ArchRule TIME_COMES_FROM_THE_CLOCK =
      noClasses().should().callMethod(java.time.Instant.class, "now")
          .orShould().callMethod(java.time.LocalDate.class, "now")
          .orShould().callMethod(java.time.LocalDateTime.class, "now")
          .orShould().callMethod(java.time.OffsetDateTime.class, "now")
          .because("the injected Clock is the only source of time, so tests can set it");

  /**
   * Every endpoint says who may call it: a {@code @PreAuthorize} on the method that names a role
   * ({@code hasRole}/{@code hasAnyRole}). A forgotten rule would leave an endpoint open to any
   * holder of a token of the realm; {@code permitAll()} is not a rule.
   */
  @ArchTest
  public static final ArchRule ENDPOINTS_HAVE_AN_AUTHORIZATION_RULE =
      methods().that().areDeclaredInClassesThat().areAnnotatedWith(REST_CONTROLLER)
          .and().areMetaAnnotatedWith(REQUEST_MAPPING)
          .should(haveARoleRule())
          .because("authorization is decided per endpoint in every service, not only at the gateway");

  /**
   * An endpoint that addresses a county or a school in its path checks that unit, not only the
   * role: {@code {countyId}} needs {@code @scope.county(#countyId)}, otherwise {@code {schoolId}}
   * needs {@code @scope.school(#schoolId)}. A role-only rule there would let one county's staff
   * act on every county.
   */
  @ArchTest
  public static final ArchRule UNIT_ENDPOINTS_CHECK_THE_UNIT =
      methods().that().areDeclaredInClassesThat().areAnnotatedWith(REST_CONTROLLER)
          .and().areMetaAnnotatedWith(REQUEST_MAPPING)
          .should(checkTheUnitTheirPathNames())
          .because("\"not yours\" must be decided in every service for every unit an endpoint touches");

  /**
   * A service runs as several instances (ADR 0031): each {@code @Scheduled} method runs its job
   * through {@code ClusterScan} (itself or through a method of its own class it calls), so that one
   * instance runs it, or carries {@code @EveryInstance} saying why every instance runs it.
   */
  @ArchTest
  public static final ArchRule SCHEDULED_JOBS_RUN_ONCE_OR_SAY_WHY =
      methods().that().areAnnotatedWith(SCHEDULED)
          .should(ArchConditions.<JavaMethod>beAnnotatedWith(EVERY_INSTANCE).or(runThrough(CLUSTER_SCAN)))
          .allowEmptyShould(true)
          .because("with two instances a job that changes shared data would otherwise run twice");

  /** Every rule above, for tests that import classes themselves. */
  public static List<ArchRule> all() {
    return List.of(CONTROLLERS_RETURN_ONLY_WEB_RECORDS, FEATURES_ARE_FREE_OF_CYCLES,
        INTERNAL_PACKAGES_STAY_INSIDE_THEIR_FEATURE, EVENTS_LEAVE_ONLY_THROUGH_THE_OUTBOX,
        LISTENERS_ARE_TRANSACTIONAL_AND_RECORD_WHAT_THEY_CONSUMED, TIME_COMES_FROM_THE_CLOCK,
        ENDPOINTS_HAVE_AN_AUTHORIZATION_RULE, UNIT_ENDPOINTS_CHECK_THE_UNIT, SQL_GOES_THROUGH_JDBC_CLIENT,
        SCHEDULED_JOBS_RUN_ONCE_OR_SAY_WHY);
  }

  private static ArchCondition<JavaMethod> exposeNoContractOrRowTypes() {
    return new ArchCondition<>("expose no contracts or JDBC row types") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        Set<JavaClass> reachable = new LinkedHashSet<>();
        collect(method.getReturnType(), ownPackage(method.getOwner()), reachable);
        for (JavaClass c : reachable) {
          if (c.getPackageName().startsWith("org.gongyu.contracts") || isRowType(c)) {
            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes " + c.getName()));
          }
        }
      }
    };
  }

  private static String ownPackage(JavaClass c) {
    String[] parts = c.getPackageName().split("\\.");
    return parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : c.getPackageName();
  }

  private static void collect(JavaType type, String service, Set<JavaClass> reachable) {
    for (JavaClass raw : type.getAllInvolvedRawTypes()) {
      JavaClass c = raw.isArray() ? raw.getBaseComponentType() : raw;
      if (reachable.add(c) && c.getPackageName().startsWith(service)) {
        for (JavaField f : c.getFields()) {
          if (!f.getModifiers().contains(JavaModifier.STATIC)) {
            collect(f.getType(), service, reachable);
          }
        }
      }
    }
  }

  private static boolean isRowType(JavaClass c) {
    return c.getSimpleName().endsWith("Row")
        || c.getPackageName().startsWith("org.springframework.jdbc")
        || c.getPackageName().startsWith("java.sql");
  }

  private static ArchCondition<JavaClass> onlyBeUsedInsideTheirFeature() {
    return new ArchCondition<>("only be used inside their own feature") {
      @Override
      public void check(JavaClass internal, ConditionEvents events) {
        String feature = internal.getPackageName().substring(0, internal.getPackageName().indexOf(".internal"));
        internal.getDirectDependenciesToSelf().forEach(d -> {
          String from = d.getOriginClass().getPackageName();
          if (!from.equals(feature) && !from.startsWith(feature + ".")) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        });
      }
    };
  }

  private static ArchCondition<JavaMethod> callApplyOf(String type) {
    return new ArchCondition<>("call " + type + ".apply") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        boolean calls = method.getMethodCallsFromSelf().stream()
            .anyMatch(c -> c.getTargetOwner().getName().equals(type) && c.getName().equals("apply"));
        if (!calls) {
          events.add(SimpleConditionEvent.violated(method, method.getFullName() + " does not call " + type + ".apply"));
        }
      }
    };
  }

  /** Calls a method of {@code type}, itself or through the methods of its own class it calls (and they call). */
  private static ArchCondition<JavaMethod> runThrough(String type) {
    return new ArchCondition<>("run through " + type) {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        if (!reaches(method, type, new java.util.HashSet<>())) {
          events.add(SimpleConditionEvent.violated(method, method.getFullName() + " is @Scheduled but neither runs through "
              + type + " nor is @EveryInstance"));
        }
      }
    };
  }

  private static boolean reaches(JavaMethod method, String type, Set<JavaMethod> seen) {
    if (!seen.add(method)) {
      return false;
    }
    for (var call : method.getMethodCallsFromSelf()) {
      if (call.getTargetOwner().getName().equals(type)) {
        return true;
      }
    }
    List<com.tngtech.archunit.core.domain.AccessTarget.MethodCallTarget> own = new java.util.ArrayList<>();
    method.getMethodCallsFromSelf().forEach(c -> own.add(c.getTarget()));
    List<com.tngtech.archunit.core.domain.AccessTarget.MethodReferenceTarget> refs = new java.util.ArrayList<>();
    method.getMethodReferencesFromSelf().forEach(r -> refs.add(r.getTarget()));
    for (var target : own) {
      if (target.getOwner().equals(method.getOwner())
          && target.resolveMember().map(m -> reaches(m, type, seen)).orElse(false)) {
        return true;
      }
    }
    for (var target : refs) {
      if (target.getOwner().equals(method.getOwner())
          && target.resolveMember().map(m -> reaches(m, type, seen)).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private static ArchCondition<JavaMethod> beDeclaredInAClassUsing(String type) {
    return new ArchCondition<>("be declared in a class that uses " + type) {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        boolean uses = method.getOwner().getDirectDependenciesFromSelf().stream()
            .anyMatch(d -> d.getTargetClass().getName().equals(type));
        if (!uses) {
          events.add(SimpleConditionEvent.violated(method, method.getFullName() + " does not record consumed events in the " + type));
        }
      }
    };
  }

  private static ArchCondition<JavaMethod> haveARoleRule() {
    return new ArchCondition<>("have @PreAuthorize naming a role") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        boolean ok = method.tryGetAnnotationOfType(PRE_AUTHORIZE)
            .map(a -> String.valueOf(a.get("value").orElse("")))
            .filter(rule -> rule.contains("hasRole(") || rule.contains("hasAnyRole("))
            .isPresent();
        if (!ok) {
          events.add(SimpleConditionEvent.violated(method,
              method.getFullName() + " has no @PreAuthorize rule naming a role"));
        }
      }
    };
  }

  private static ArchCondition<JavaMethod> checkTheUnitTheirPathNames() {
    return new ArchCondition<>("check the unit their path names") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        String path = paths(method.getOwner().getAnnotations()) + " " + paths(method.getAnnotations());
        String rule = method.tryGetAnnotationOfType(PRE_AUTHORIZE).map(a -> String.valueOf(a.get("value").orElse(""))).orElse("");
        if (path.contains("{xuequId}") && rule.contains("@scope.xuequ(#countyId, #xuequId)")) {
          return;
        }
        String needed = path.contains("{countyId}") ? "@scope.county(#countyId)"
            : path.contains("{schoolId}") ? "@scope.school(#schoolId)" : null;
        if (needed != null && !rule.contains(needed)) {
          events.add(SimpleConditionEvent.violated(method, method.getFullName() + " addresses " + path.trim()
              + " but its rule does not check " + needed));
        }
      }
    };
  }

  /** The path templates of the mapping annotations among {@code annotations}. */
  private static String paths(java.util.Set<? extends com.tngtech.archunit.core.domain.JavaAnnotation<?>> annotations) {
    StringBuilder out = new StringBuilder();
    for (var a : annotations) {
      boolean mapping = a.getRawType().getName().equals(REQUEST_MAPPING)
          || a.getRawType().isAnnotatedWith(REQUEST_MAPPING);
      if (mapping) {
        for (String attribute : new String[] {"value", "path"}) {
          a.get(attribute).ifPresent(v -> {
            if (v instanceof Object[] values) {
              for (Object x : values) {
                out.append(x).append(' ');
              }
            } else {
              out.append(v).append(' ');
            }
          });
        }
      }
    }
    return out.toString();
  }
}
