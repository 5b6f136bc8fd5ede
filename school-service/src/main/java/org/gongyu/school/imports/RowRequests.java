package org.gongyu.school.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.records.Findings;
import org.gongyu.school.records.IdempotentBatch;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns rows into the JSON API's batch items and applies them with the batch method, so an import
 * follows exactly the rules of the API (one implementation of the rules):
 *
 * <ol>
 *   <li>each row's values become the item record through the service's JSON mapper (a date-time is
 *       read in city time) and are checked with the same Bean Validation constraints as a request
 *       body; a violation refuses the row at the violating cell;
 *   <li>the valid items are applied with the batch method, all or nothing; when it refuses the batch
 *       (422, 409, 400) its findings name the items ({@code registrations[12].classId: ...}): those
 *       rows are refused at that column and the rest of the chunk is applied again;
 *   <li>a refusal that names no item (e.g. a class over its enrolment) refuses the rows whose
 *       external id it names, else the chunk is halved until the rows to blame are found (a refusal
 *       both halves share, such as a semester not yet started, refuses them all at once).
 * </ol>
 */
@Component
public class RowRequests {

  private final JsonMapper json;
  private final Validator validator;
  private final CityCalendar calendar;

  RowRequests(JsonMapper json, Validator validator, CityCalendar calendar) {
    this.json = json;
    this.validator = validator;
    this.calendar = calendar;
  }

  /** What a batch method call recorded. */
  public record Counts(int applied, int unchanged) {}

  /** A feature's batch method, called with the group key and the items. */
  @FunctionalInterface
  public interface Ingest<T> {
    Counts apply(String group, List<T> items);
  }

  private record Entry<T>(ImportRow row, T item) {}

  /**
   * Applies {@code rows} as items of type {@code itemType} in batches of one {@code group} each
   * (e.g. the semester; a constant for a family without one).
   *
   * @param path      the batch's list field, as its findings name items ({@code registrations})
   * @param notInItem column keys that are not fields of the item (e.g. the group's column)
   */
  public <T> ChunkApplier.Result apply(List<ImportRow> rows, Class<T> itemType, String path, Set<String> notInItem,
      Function<ImportRow, String> group, Ingest<T> ingest) {
    List<ImportRow> refused = new ArrayList<>();
    Map<String, List<Entry<T>>> groups = new LinkedHashMap<>();
    for (ImportRow row : rows) {
      Map<String, Object> values = new HashMap<>();
      row.values().forEach((k, v) -> {
        if (!notInItem.contains(k)) {
          values.put(k, v instanceof LocalDateTime t ? t.atZone(calendar.zone()).toInstant() : v);
        }
      });
      T item;
      try {
        item = json.convertValue(values, itemType);
      } catch (RuntimeException e) {
        refused.add(row.refused(Map.of(), List.of(Msg.msg("school.import.row-unreadable"))));
        continue;
      }
      Map<String, Msg> errors = new LinkedHashMap<>();
      for (ConstraintViolation<T> v : validator.validate(item)) {
        String field = null;
        for (Path.Node node : v.getPropertyPath()) {
          field = node.getName();
          break;
        }
        errors.putIfAbsent(field == null ? "" : field, Msg.verbatim(v.getMessage()));
      }
      if (!errors.isEmpty()) {
        refused.add(refuse(row, errors));
        continue;
      }
      groups.computeIfAbsent(group.apply(row), g -> new ArrayList<>()).add(new Entry<>(row, item));
    }
    int[] counts = {0, 0};
    groups.forEach((key, entries) -> {
      Run<T> run = new Run<>(key, path, ingest, refused, counts);
      ApiProblem uniform = run.attempt(entries);
      if (uniform != null) {
        run.refuseAll(entries, uniform);
      }
    });
    return new ChunkApplier.Result(counts[0], counts[1], refused);
  }

  private static ImportRow refuse(ImportRow row, Map<String, Msg> errors) {
    Map<String, Msg> cells = new LinkedHashMap<>();
    List<Msg> others = new ArrayList<>();
    errors.forEach((field, msg) -> {
      if (row.values().containsKey(field) || row.texts().containsKey(field) || !field.isEmpty()) {
        cells.put(field, msg);
      } else {
        others.add(msg);
      }
    });
    return row.refused(cells, others);
  }

  /** One group's attempts. */
  private static final class Run<T> {
    private final String key;
    private final Pattern position;
    private final Ingest<T> ingest;
    private final List<ImportRow> refused;
    private final int[] counts;

    Run(String key, String path, Ingest<T> ingest, List<ImportRow> refused, int[] counts) {
      this.key = key;
      this.position = Pattern.compile("^" + Pattern.quote(path) + "\\[(\\d+)]\\.([A-Za-z0-9_]+)(?:\\[\\d+])?(?:\\.\\S*)?: (.*)$",
          Pattern.DOTALL);
      this.ingest = ingest;
      this.refused = refused;
      this.counts = counts;
    }

    /** Applies what it can of {@code entries}; answers the problem if every one failed for the same unlocated reason. */
    ApiProblem attempt(List<Entry<T>> entries) {
      List<Entry<T>> alive = new ArrayList<>(entries);
      while (!alive.isEmpty()) {
        List<String> findings = new ArrayList<>();
        ApiProblem problem;
        try {
          List<T> items = alive.stream().map(Entry::item).toList();
          Counts c = IdempotentBatch.listingEveryFinding(findings, () -> ingest.apply(key, items));
          counts[0] += c.applied();
          counts[1] += c.unchanged();
          return null;
        } catch (ApiProblem p) {
          problem = p;
        }
        if (findings.isEmpty()) {
          findings.addAll(listed(problem));
        }
        Map<Integer, Map<String, Msg>> located = new LinkedHashMap<>();
        for (String finding : findings) {
          Matcher m = position.matcher(finding);
          if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            if (index < alive.size()) {
              located.computeIfAbsent(index, i -> new LinkedHashMap<>()).putIfAbsent(m.group(2),
                  problem.getStatusCode().value() != 409 ? Findings.of(m.group(2) + ": " + m.group(3))
                      : "externalId".equals(m.group(2)) ? Msg.msg("school.import.changed-since-recorded", m.group(3))
                      : Msg.msg("school.import.recorded-otherwise", Findings.of(m.group(2) + ": " + m.group(3))));
            }
          }
        }
        if (located.isEmpty()) {
          located.putAll(byExternalId(alive, problem, findings));
        }
        if (!located.isEmpty()) {
          List<Entry<T>> next = new ArrayList<>();
          for (int i = 0; i < alive.size(); i++) {
            Map<String, Msg> errors = located.get(i);
            if (errors == null) {
              next.add(alive.get(i));
            } else {
              refused.add(refuse(alive.get(i).row(), errors));
            }
          }
          alive = next;
          continue;
        }
        if (alive.size() == 1) {
          return problem;
        }
        List<Entry<T>> first = alive.subList(0, alive.size() / 2);
        List<Entry<T>> second = alive.subList(alive.size() / 2, alive.size());
        ApiProblem a = probe(first);
        ApiProblem b = probe(second);
        if (a != null && b != null && same(a, problem) && same(b, problem)) {
          return problem;
        }
        for (var half : List.of(new Object[] {first, a}, new Object[] {second, b})) {
          if (half[1] != null) {
            @SuppressWarnings("unchecked")
            List<Entry<T>> part = (List<Entry<T>>) half[0];
            ApiProblem p = attempt(part);
            if (p != null) {
              refuseAll(part, p);
            }
          }
        }
        return null;
      }
      return null;
    }

    /** One try of a part: null if it was applied (and counted), else why not. */
    private ApiProblem probe(List<Entry<T>> part) {
      try {
        Counts c = ingest.apply(key, part.stream().map(Entry::item).toList());
        counts[0] += c.applied();
        counts[1] += c.unchanged();
        return null;
      } catch (ApiProblem p) {
        return p;
      }
    }

    void refuseAll(List<Entry<T>> entries, ApiProblem problem) {
      Msg why = detail(problem);
      for (Entry<T> e : entries) {
        refused.add(e.row().refused(Map.of(), List.of(why)));
      }
    }

    /** Rows whose external id the problem names (a 409 for content changed since it was recorded). */
    private Map<Integer, Map<String, Msg>> byExternalId(List<Entry<T>> alive, ApiProblem problem, List<String> findings) {
      Set<String> tokens = new java.util.HashSet<>();
      String text = problem.getBody().getDetail() + " " + String.join(" ", findings);
      tokens.addAll(Arrays.asList(text.split("[^A-Za-z0-9._:-]+")));
      Map<Integer, Map<String, Msg>> located = new LinkedHashMap<>();
      for (int i = 0; i < alive.size(); i++) {
        Object id = alive.get(i).row().values().get("externalId");
        if (id != null && tokens.contains(id.toString())) {
          located.put(i, Map.of("externalId", problem.getStatusCode().value() == 409
              ? Msg.msg("school.import.changed-since-recorded", id) : detail(problem)));
        }
      }
      return located;
    }

    private static List<String> listed(ApiProblem p) {
      Object errors = p.getBody().getProperties() == null ? null : p.getBody().getProperties().get("errors");
      if (errors instanceof List<?> list) {
        return list.stream().map(String::valueOf).toList();
      }
      return List.of();
    }

    private static boolean same(ApiProblem a, ApiProblem b) {
      return a.getStatusCode().equals(b.getStatusCode()) && String.valueOf(a.getBody().getDetail()).equals(b.getBody().getDetail());
    }

    private static Msg detail(ApiProblem p) {
      return p.getDetailMessageCode() != null ? new Msg(p.getDetailMessageCode(), p.getDetailMessageArguments())
          : Msg.verbatim(String.valueOf(p.getBody().getDetail()));
    }
  }
}
