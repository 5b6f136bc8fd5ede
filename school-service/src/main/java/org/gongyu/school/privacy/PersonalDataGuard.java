package org.gongyu.school.privacy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Keeps personal data of students and parents out of text a school writes that the county or the
 * city can read (an application's plan, a self-evaluation's narrative and evidence; the parent
 * school's head, structure and rules; session topics and lecturers; trainings; instructors): the shapes {@link
 * PersonalDataScan} recognises, and any string this school has recorded as a student's or a
 * guardian's reference. A problem names the field and the kind of data found, never the value, so
 * the refusal itself (and every log of it) carries nothing.
 */
@Component
public class PersonalDataGuard {

  private final RecordedReferences references;

  PersonalDataGuard(RecordedReferences references) {
    this.references = references;
  }

  /** {@code path, text, path, text, …} as the ordered map {@link #problems} takes (null texts allowed). */
  public static Map<String, String> texts(String... pathsAndTexts) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pathsAndTexts.length; i += 2) {
      texts.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    return texts;
  }

  /**
   * One problem per field that carries personal data, in the order of {@code textsByPath}, e.g.
   * {@code items.A1.2.evidence[0].reference: contains a mobile phone number; …}. Empty when all
   * fields are clean; null texts are skipped.
   */
  public List<String> problems(String schoolId, Map<String, String> textsByPath) {
    Map<String, Set<PersonalDataScan.Kind>> found = new LinkedHashMap<>();
    Map<String, Set<String>> candidates = new LinkedHashMap<>();
    Set<String> all = new HashSet<>();
    textsByPath.forEach((path, text) -> {
      found.put(path, text == null ? EnumSet.noneOf(PersonalDataScan.Kind.class) : PersonalDataScan.find(text));
      Set<String> c = PersonalDataScan.candidateReferences(text);
      candidates.put(path, c);
      all.addAll(c);
    });
    Set<String> recorded = all.isEmpty() ? Set.of() : references.recorded(schoolId, all);
    List<String> problems = new ArrayList<>();
    found.forEach((path, kinds) -> {
      if (candidates.get(path).stream().anyMatch(recorded::contains)) {
        kinds.add(PersonalDataScan.Kind.RECORDED_REFERENCE);
      }
      if (!kinds.isEmpty()) {
        problems.add(path + ": contains " + kinds.stream().map(PersonalDataScan.Kind::description)
            .collect(Collectors.joining(" and ")) + "; personal data of students and parents may not be written here");
      }
    });
    return problems;
  }
}
