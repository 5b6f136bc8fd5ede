package org.gongyu.district.registry;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(componentModel = "spring")
interface SchoolMapper {

  /** The row alone: no successor name, no merged-from list (see {@link #toResponses}). */
  @Mapping(target = "successorName", ignore = true)
  @Mapping(target = "mergedFrom", ignore = true)
  SchoolResponse toResponse(SchoolRow row);

  /**
   * The rows to show, with the successor's name and the schools merged into each, both looked up in
   * {@code county} (every school of the county, closed ones included).
   */
  default List<SchoolResponse> toResponses(List<SchoolRow> shown, List<SchoolRow> county) {
    Map<String, SchoolRow> byId = county.stream().collect(Collectors.toMap(SchoolRow::id, Function.identity()));
    Map<String, List<SchoolResponse.MergedFrom>> merged = county.stream()
        .filter(s -> s.successorId() != null)
        .sorted(Comparator.comparing(SchoolRow::closedFrom).thenComparing(SchoolRow::id))
        .collect(Collectors.groupingBy(SchoolRow::successorId,
            Collectors.mapping(s -> new SchoolResponse.MergedFrom(s.id(), s.name(), s.closedFrom()), Collectors.toList())));
    return shown.stream().map(s -> {
      SchoolRow successor = s.successorId() == null ? null : byId.get(s.successorId());
      return new SchoolResponse(s.id(), s.countyId(), s.xuequId(), s.name(), s.schoolType().name(), s.version(),
          s.closedFrom(), s.successorId(), successor == null ? null : successor.name(), merged.getOrDefault(s.id(), List.of()));
    }).toList();
  }
}
