package org.gongyu.city.catalogue;

import java.util.List;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring")
interface CatalogueMapper {

  CatalogueEntryResponse toResponse(IndicatorDefinitionRow row);

  List<CatalogueEntryResponse> toResponses(List<IndicatorDefinitionRow> rows);
}
