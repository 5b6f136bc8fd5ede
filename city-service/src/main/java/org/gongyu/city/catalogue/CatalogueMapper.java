package org.gongyu.city.catalogue;

import java.util.List;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring")
interface CatalogueMapper {

  CatalogueEntryResponse toResponse(Indicator indicator);

  List<CatalogueEntryResponse> toResponses(List<Indicator> indicators);

  CatalogueEntryResponse.Step toStep(TargetStep step);
}
