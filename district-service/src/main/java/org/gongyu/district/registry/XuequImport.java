package org.gongyu.district.registry;

import java.util.List;
import java.util.Map;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.Column;
import org.gongyu.chassis.excel.ColumnType;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.excel.TemplateSpec;
import org.gongyu.district.imports.ImportFamily;
import org.gongyu.district.imports.RowRequests;
import org.gongyu.district.imports.RowRequests.Where;
import org.springframework.stereotype.Component;

/**
 * The 学区 template: each row is {@code PUT …/xuequ/{xuequId}} with a {@link PutXuequRequest}.
 * Imported before the schools, so that their rows can name a 学区 registered by it.
 */
@Component
class XuequImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("xuequ", 1, "学区名册", "School districts (学区)", List.of(
      Column.of("xuequId", "学区编号", "学区 id", ColumnType.TEXT).mandatory().maxLength(40).example("990101-XQ1")
          .note("字母、数字或连字符，最多 40 个字符，全市唯一；已有编号则更名。请先导入本模板，再导入“学校名册”模板：学校行才能引用本表登记的学区。",
              "Letters, digits or hyphens, at most 40, unique in the city; an existing id is renamed. Import this template"
                  + " before the schools template, so that school rows can name the 学区 registered here."),
      Column.of("name", "学区名称", "Name", ColumnType.TEXT).mandatory().maxLength(200).example("城东学区")));

  private final RegistryService registry;
  private final RowRequests rows;

  XuequImport(RegistryService registry, RowRequests rows) {
    this.registry = registry;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public int order() {
    return 1;
  }

  @Override
  public ChunkApplier.Result apply(String countyId, List<ImportRow> chunk) {
    return rows.apply(chunk, PutXuequRequest.class, "xuequId", Map.of("district.xuequ.other-county", Where.at("xuequId")),
        (xuequId, body) -> registry.putXuequ(countyId, xuequId, body.name()).changed()
            ? RowRequests.Outcome.APPLIED : RowRequests.Outcome.UNCHANGED);
  }
}
