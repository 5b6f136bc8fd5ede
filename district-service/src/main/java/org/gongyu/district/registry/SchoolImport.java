package org.gongyu.district.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.Column;
import org.gongyu.chassis.excel.ColumnType;
import org.gongyu.chassis.excel.EnumValue;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.excel.TemplateSpec;
import org.gongyu.chassis.web.Msg;
import org.gongyu.district.imports.ImportFamily;
import org.gongyu.district.imports.RowRequests;
import org.gongyu.district.imports.RowRequests.Where;
import org.springframework.stereotype.Component;

/**
 * The schools template: each row is {@code PUT …/schools/{schoolId}} with a {@link PutSchoolRequest},
 * applied by {@link RegistryService#putSchool} as the PUT is (version, {@code SchoolRegistered},
 * rollups), and a row with the content already stored changes nothing. A row is full content, as
 * the PUT body is: a blank 学区 cell leaves the school without 学区.
 */
@Component
class SchoolImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("schools", 1, "学校名册", "Schools", List.of(
      Column.of("schoolId", "学校编号", "School id", ColumnType.TEXT).mandatory().maxLength(40).example("9901010001")
          .note("字母、数字或连字符，最多 40 个字符；已登记在其他区县的学校不能在此导入（请用划转）。",
              "Letters, digits or hyphens, at most 40; a school registered in another county cannot be imported here (move it)."),
      Column.of("name", "学校名称", "Name", ColumnType.TEXT).mandatory().maxLength(200).example("城东实验小学"),
      Column.ofEnum("schoolType", "学校类型", "School type", Arrays.stream(SchoolType.values())
          .map(t -> new EnumValue(t.name(), t.labelZh(), t.labelEn())).toList()).mandatory().example(SchoolType.PRIMARY.name()),
      Column.of("xuequId", "所属学区编号", "学区 id", ColumnType.TEXT).maxLength(40).example("990101-XQ1")
          .note("可不填（不属于任何学区）；须为本区县已登记的学区。新学区请先导入“学区名册”模板，再导入本模板。",
              "Optional (no 学区); must be a 学区 registered in this county. Import new 学区 with the school districts"
                  + " template first, then this one.")));

  private final RegistryService registry;
  private final RowRequests rows;

  SchoolImport(RegistryService registry, RowRequests rows) {
    this.registry = registry;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public int order() {
    return 2;
  }

  @Override
  public ChunkApplier.Result apply(String countyId, List<ImportRow> chunk) {
    return rows.apply(chunk, PutSchoolRequest.class, "schoolId",
        Map.of("district.xuequ.not-in-county", Where.at("xuequId").hint(Msg.msg("district.import.xuequ-first", countyId)),
            "district.school.other-county", Where.at("schoolId"),
            "district.school-type.unknown", Where.at("schoolType")),
        (schoolId, body) -> registry.putSchool(countyId, schoolId, body.name(), body.schoolType(), body.xuequId()).changed()
            ? RowRequests.Outcome.APPLIED : RowRequests.Outcome.UNCHANGED);
  }
}
