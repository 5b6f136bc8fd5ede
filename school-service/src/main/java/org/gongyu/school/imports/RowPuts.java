package org.gongyu.school.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.Column;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.excel.TemplateSpec;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.records.Findings;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The counterpart of {@link RowRequests} for families the JSON API records by one PUT per record
 * id (classes, parent-school sessions, committees, ...): each row is that PUT.
 *
 * <ol>
 *   <li>the id column is the PUT's path variable, checked with the path's pattern; the other columns
 *       become the PUT's request record through the service's JSON mapper and are checked with its
 *       Bean Validation constraints, as {@code @Valid @RequestBody} does;
 *   <li>the row is applied with the very service method the PUT calls, in its own transaction, so a
 *       refused row leaves nothing behind and does not hold back the others; identical content is
 *       "unchanged", new or corrected content "applied" (a correction needs the reason column, as
 *       the PUT needs {@code reason});
 *   <li>a refusal lands on the column it names: a finding {@code field: ...}, a detail that starts
 *       with a column's key, or a message code the family places ({@code codeColumns}); a withdrawn
 *       record lands on the id column, a missing reason on the reason column; anything else on the
 *       row.
 * </ol>
 */
@Component
public class RowPuts {

  /** The pattern of a record id in the API's paths. */
  static final String ID = "[A-Za-z0-9-]{1,40}";

  private final JsonMapper json;
  private final Validator validator;

  RowPuts(JsonMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  /** The PUT's service method: true if it recorded something (new or corrected), false for identical content. */
  @FunctionalInterface
  public interface Put<T> {
    boolean apply(String id, T request);
  }

  /** A record id as the API's path takes it. */
  record PathId(@NotBlank @Pattern(regexp = ID) String id) {}

  /**
   * Applies {@code rows} one by one as PUTs.
   *
   * @param spec        the family's template (its column keys)
   * @param requestType the PUT's request record
   * @param idColumn    the column holding the path's id, or null for a record without one (one per school)
   * @param codeColumns the column a refusal belongs to, by its message code, where the refusal names no field
   */
  public <T> ChunkApplier.Result apply(List<ImportRow> rows, TemplateSpec spec, Class<T> requestType, String idColumn,
      Map<String, String> codeColumns, Put<T> put) {
    Set<String> keys = spec.columns().stream().map(Column::key).collect(Collectors.toSet());
    int applied = 0;
    int unchanged = 0;
    List<ImportRow> refused = new ArrayList<>();
    for (ImportRow row : rows) {
      Map<String, Msg> errors = new LinkedHashMap<>();
      String id = null;
      if (idColumn != null) {
        Object value = row.values().get(idColumn);
        id = value == null ? null : value.toString();
        for (ConstraintViolation<PathId> v : validator.validate(new PathId(id))) {
          errors.putIfAbsent(idColumn, Msg.verbatim(v.getMessage()));
        }
      }
      Map<String, Object> values = new HashMap<>(row.values());
      values.remove(idColumn);
      T request;
      try {
        request = json.convertValue(values, requestType);
      } catch (RuntimeException e) {
        refused.add(row.refused(errors, List.of(Msg.msg("school.import.row-unreadable"))));
        continue;
      }
      for (ConstraintViolation<T> v : validator.validate(request)) {
        String field = v.getPropertyPath().iterator().next().getName();
        errors.putIfAbsent(field == null ? "" : field, Msg.verbatim(v.getMessage()));
      }
      if (!errors.isEmpty()) {
        refused.add(refuse(row, keys, errors, List.of()));
        continue;
      }
      try {
        if (put.apply(id, request)) {
          applied++;
        } else {
          unchanged++;
        }
      } catch (ApiProblem p) {
        refused.add(refused(row, keys, idColumn, codeColumns, p));
      }
    }
    return new ChunkApplier.Result(applied, unchanged, refused);
  }

  private static ImportRow refused(ImportRow row, Set<String> keys, String idColumn, Map<String, String> codeColumns,
      ApiProblem p) {
    String code = p.getDetailMessageCode();
    Msg detail = code != null ? new Msg(code, p.getDetailMessageArguments()) : Msg.verbatim(String.valueOf(p.getBody().getDetail()));
    Map<String, Msg> cells = new LinkedHashMap<>();
    List<Msg> others = new ArrayList<>();
    String placed = code == null ? null : codeColumns.getOrDefault(code, switch (code) {
      case "school.record.withdrawn" -> idColumn;
      case "school.record.reason-required" -> "reason";
      default -> null;
    });
    if (placed != null && keys.contains(placed)) {
      cells.put(placed, detail);
    } else if (!findings(p).isEmpty()) {
      for (String finding : findings(p)) {
        String key = keyOf(finding, keys);
        if (key != null) {
          cells.putIfAbsent(key, Findings.of(finding));
        } else {
          others.add(Findings.of(finding));
        }
      }
    } else {
      String key = keyOf(String.valueOf(p.getBody().getDetail()), keys);
      if (key != null) {
        cells.put(key, detail);
      } else {
        others.add(detail);
      }
    }
    return row.refused(cells, others);
  }

  /** The column a text names first ({@code classId: ...}), or null. */
  private static String keyOf(String text, Set<String> keys) {
    int colon = text.indexOf(": ");
    if (colon <= 0) {
      return null;
    }
    String key = text.substring(0, colon);
    return keys.contains(key) ? key : null;
  }

  private static List<String> findings(ApiProblem p) {
    Object errors = p.getBody().getProperties() == null ? null : p.getBody().getProperties().get("errors");
    if (errors instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  private static ImportRow refuse(ImportRow row, Set<String> keys, Map<String, Msg> errors, List<Msg> more) {
    Map<String, Msg> cells = new LinkedHashMap<>();
    List<Msg> others = new ArrayList<>(more);
    errors.forEach((field, msg) -> {
      if (keys.contains(field)) {
        cells.put(field, msg);
      } else {
        others.add(msg);
      }
    });
    return row.refused(cells, others);
  }
}
