package org.gongyu.district.registry;

import java.util.List;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring")
interface SchoolMapper {

  SchoolResponse toResponse(SchoolRow row);

  List<SchoolResponse> toResponses(List<SchoolRow> rows);
}
