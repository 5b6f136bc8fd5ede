package org.gongyu.district.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns rows into the PUT endpoint's request body and applies each with the service method the
 * endpoint calls, so an import follows exactly the rules of the API (one implementation of the
 * rules):
 *
 * <ol>
 *   <li>the row's id cell is checked with the endpoint's path pattern;
 *   <li>the other values become the request record through the service's JSON mapper (unknown
 *       fields refused, as for a request) and are checked with the same Bean Validation constraints
 *       as the body; a violation refuses the row at the violating cell;
 *   <li>the request is applied by the service method, one row per transaction as one PUT is: a row
 *       it refuses writes nothing and comes back at the column its problem concerns (e.g. an unknown
 *       学区 at the 学区 cell), or as a row error where no column is to blame.
 * </ol>
 *
 * Registry rows are few (a county has hundreds of schools), so a row per transaction costs little
 * and keeps the PUT's locks and events exactly as they are.
 */
@Component
public class RowRequests {

  /** The ids the endpoints take in their paths ({@code [A-Za-z0-9-]{1,40}}). */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,40}");

  private final JsonMapper json;
  private final Validator validator;

  RowRequests(JsonMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  /**
   * Where a refusal of the service method belongs: the column it concerns, and what the row's author
   * can do about it in an import (null: nothing beyond the refusal's own words).
   */
  public record Where(String column, Msg hint) {

    public static Where at(String column) {
      return new Where(column, null);
    }

    public Where hint(Msg more) {
      return new Where(column, more);
    }
  }

  /** What one PUT did. */
  public enum Outcome { APPLIED, UNCHANGED }

  /** A feature's service method, called with the row's id and its request. */
  @FunctionalInterface
  public interface Put<T> {
    Outcome apply(String id, T request);
  }

  /**
   * Applies {@code rows} as requests of type {@code requestType}.
   *
   * @param idColumn         the column holding the id of the endpoint's path (not a field of the body)
   * @param whereOfProblem   for a refusal's detail message code, the column it concerns (others are row errors)
   */
  public <T> ChunkApplier.Result apply(List<ImportRow> rows, Class<T> requestType, String idColumn,
      Map<String, Where> whereOfProblem, Put<T> put) {
    List<ImportRow> refused = new ArrayList<>();
    int applied = 0;
    int unchanged = 0;
    for (ImportRow row : rows) {
      Object idValue = row.values().get(idColumn);
      String id = idValue == null ? null : idValue.toString();
      Map<String, Msg> errors = new LinkedHashMap<>();
      if (id == null || !ID.matcher(id).matches()) {
        errors.put(idColumn, Msg.msg("district.import.id", ID.pattern()));
      }
      Map<String, Object> values = new HashMap<>(row.values());
      values.remove(idColumn);
      T request;
      try {
        request = json.convertValue(values, requestType);
      } catch (RuntimeException e) {
        refused.add(row.refused(errors, List.of(Msg.msg("district.import.row-unreadable"))));
        continue;
      }
      for (ConstraintViolation<T> v : validator.validate(request)) {
        String field = "";
        for (Path.Node node : v.getPropertyPath()) {
          field = node.getName();
          break;
        }
        errors.putIfAbsent(field, Msg.verbatim(v.getMessage()));
      }
      if (!errors.isEmpty()) {
        refused.add(refuse(row, errors));
        continue;
      }
      try {
        if (put.apply(id, request) == Outcome.APPLIED) {
          applied++;
        } else {
          unchanged++;
        }
      } catch (ApiProblem p) {
        Msg why = p.getDetailMessageCode() != null ? new Msg(p.getDetailMessageCode(), p.getDetailMessageArguments())
            : Msg.verbatim(String.valueOf(p.getBody().getDetail()));
        Where where = p.getDetailMessageCode() == null ? null : whereOfProblem.get(p.getDetailMessageCode());
        if (where == null) {
          refused.add(row.refused(Map.of(), List.of(why)));
        } else {
          refused.add(refuse(row, Map.of(where.column(), where.hint() == null ? why : Msg.msg("district.import.with-hint", why, where.hint()))));
        }
      }
    }
    return new ChunkApplier.Result(applied, unchanged, refused);
  }

  /** Errors by field; one that names no field ("" from a class-level constraint) is a row error. */
  private static ImportRow refuse(ImportRow row, Map<String, Msg> errors) {
    Map<String, Msg> cells = new LinkedHashMap<>();
    List<Msg> others = new ArrayList<>();
    errors.forEach((field, msg) -> {
      if (field.isEmpty()) {
        others.add(msg);
      } else {
        cells.put(field, msg);
      }
    });
    return row.refused(cells, others);
  }
}
