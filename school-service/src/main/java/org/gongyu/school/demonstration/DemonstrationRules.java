package org.gongyu.school.demonstration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongyu.contracts.demonstration.Rubric;

/**
 * The rules of what a school writes, as problems naming each field ({@code baseline[1].level},
 * {@code items.A1.2.evidence[0].reference}), so that one 422 lists everything to fix. The
 * personal-data check is separate ({@link org.gongyu.school.privacy.PersonalDataGuard}); the
 * {@code …Texts} methods name the fields it reads.
 */
final class DemonstrationRules {

  static final int PLAN_MAX = 4000;
  static final int NOTE_MAX = 500;
  static final int NARRATIVE_MAX = 2000;
  static final int EVIDENCE_MAX = 20;
  static final int TITLE_MAX = 200;
  static final int REFERENCE_MAX = 500;
  static final int LEVEL_MIN = 1;
  static final int LEVEL_MAX = 5;

  private DemonstrationRules() {}

  /** What is wrong with an application form for a programme with this rubric; empty when nothing is. */
  static List<String> applicationProblems(Rubric rubric, ApplyRequest r) {
    List<String> problems = new ArrayList<>();
    if (r.baseline() == null || r.baseline().isEmpty()) {
      problems.add("baseline: at least one area's level is required (areas " + areaCodes(rubric) + ")");
    } else {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < r.baseline().size(); i++) {
        ApplyRequest.Baseline b = r.baseline().get(i);
        String at = "baseline[" + i + "]";
        if (b == null) {
          problems.add(at + ": is required");
          continue;
        }
        if (b.areaCode() == null || b.areaCode().isBlank()) {
          problems.add(at + ".areaCode: is required");
        } else if (rubric.areas().stream().noneMatch(a -> a.code().equals(b.areaCode()))) {
          problems.add(at + ".areaCode: " + b.areaCode() + " is not an area of the programme's rubric (areas " + areaCodes(rubric) + ")");
        } else if (!seen.add(b.areaCode())) {
          problems.add(at + ".areaCode: area " + b.areaCode() + " is given more than once");
        }
        if (b.level() == null) {
          problems.add(at + ".level: is required (" + LEVEL_MIN + " to " + LEVEL_MAX + ")");
        } else if (b.level() < LEVEL_MIN || b.level() > LEVEL_MAX) {
          problems.add(at + ".level: must be between " + LEVEL_MIN + " and " + LEVEL_MAX + ", not " + b.level());
        }
        if (b.note() != null && length(b.note()) > NOTE_MAX) {
          problems.add(at + ".note: at most " + NOTE_MAX + " characters, not " + length(b.note()));
        }
      }
    }
    if (r.plan() == null || r.plan().isBlank()) {
      problems.add("plan: is required (1 to " + PLAN_MAX + " characters)");
    } else if (length(r.plan()) > PLAN_MAX) {
      problems.add("plan: at most " + PLAN_MAX + " characters, not " + length(r.plan()));
    }
    return problems;
  }

  /** The free texts of an application form by field path, for the personal-data guard. */
  static Map<String, String> applicationTexts(ApplyRequest r) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("plan", r.plan());
    if (r.baseline() != null) {
      for (int i = 0; i < r.baseline().size(); i++) {
        ApplyRequest.Baseline b = r.baseline().get(i);
        if (b != null && b.note() != null) {
          texts.put("baseline[" + i + "].note", b.note());
        }
      }
    }
    return texts;
  }

  /** The path prefix of a criterion's item: {@code items.A1.2}. */
  static String itemPath(String criterionCode) {
    return "items." + criterionCode;
  }

  /** What is wrong with a self-evaluation item for this criterion; empty when nothing is. */
  static List<String> itemProblems(Rubric.Criterion criterion, BigDecimal selfScore, String narrative,
      List<DraftItemRequest.Evidence> evidence) {
    String at = itemPath(criterion.code());
    List<String> problems = new ArrayList<>();
    if (selfScore == null) {
      problems.add(at + ".selfScore: is required (0 to " + criterion.points().toPlainString() + ")");
    } else {
      if (selfScore.signum() < 0 || selfScore.compareTo(criterion.points()) > 0) {
        problems.add(at + ".selfScore: must be between 0 and the criterion's " + criterion.points().toPlainString()
            + " points, not " + selfScore.toPlainString());
      }
      if (selfScore.stripTrailingZeros().scale() > 2) {
        problems.add(at + ".selfScore: at most 2 decimals, not " + selfScore.toPlainString());
      }
    }
    if (narrative == null || narrative.isBlank()) {
      problems.add(at + ".narrative: is required (1 to " + NARRATIVE_MAX + " characters)");
    } else if (length(narrative) > NARRATIVE_MAX) {
      problems.add(at + ".narrative: at most " + NARRATIVE_MAX + " characters, not " + length(narrative));
    }
    if (evidence == null || evidence.isEmpty()) {
      problems.add(at + ".evidence: at least 1 piece of evidence is required (at most " + EVIDENCE_MAX + ")");
    } else {
      if (evidence.size() > EVIDENCE_MAX) {
        problems.add(at + ".evidence: at most " + EVIDENCE_MAX + " pieces of evidence, not " + evidence.size());
      }
      for (int i = 0; i < evidence.size(); i++) {
        DraftItemRequest.Evidence e = evidence.get(i);
        String ei = at + ".evidence[" + i + "]";
        if (e == null) {
          problems.add(ei + ": is required");
          continue;
        }
        text(problems, ei + ".title", e.title(), TITLE_MAX);
        text(problems, ei + ".reference", e.reference(), REFERENCE_MAX);
      }
    }
    return problems;
  }

  /** The free texts of an item by field path, for the personal-data guard. */
  static Map<String, String> itemTexts(String criterionCode, String narrative, List<DraftItemRequest.Evidence> evidence) {
    String at = itemPath(criterionCode);
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put(at + ".narrative", narrative);
    if (evidence != null) {
      for (int i = 0; i < evidence.size(); i++) {
        DraftItemRequest.Evidence e = evidence.get(i);
        if (e != null) {
          texts.put(at + ".evidence[" + i + "].title", e.title());
          texts.put(at + ".evidence[" + i + "].reference", e.reference());
        }
      }
    }
    return texts;
  }

  private static void text(List<String> problems, String path, String value, int max) {
    if (value == null || value.isBlank()) {
      problems.add(path + ": is required (1 to " + max + " characters)");
    } else if (length(value) > max) {
      problems.add(path + ": at most " + max + " characters, not " + length(value));
    }
  }

  private static String areaCodes(Rubric rubric) {
    return String.join(", ", rubric.areas().stream().map(Rubric.Area::code).toList());
  }

  /** Characters as a reader counts them (and as PostgreSQL's varchar does): code points. */
  static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
