package org.gongyu.school.suggestion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.Column;
import org.gongyu.chassis.excel.ColumnType;
import org.gongyu.chassis.excel.EnumValue;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.excel.TemplateSpec;
import org.gongyu.school.imports.ImportFamily;
import org.gongyu.school.imports.PerRecordImport;
import org.springframework.stereotype.Component;

/**
 * Parent suggestions from Excel: each row is the PUT of one suggestion ({@link SuggestionRequest}),
 * applied with {@link ParentSuggestions#save}. As in the API there is no column for the parent or
 * the text.
 */
@Component
class SuggestionImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("suggestions", 1, "家长意见建议", "Parent suggestions", List.of(
      Column.of("suggestionId", "意见编号", "Suggestion id", ColumnType.TEXT).mandatory().maxLength(40).example("SG-2026-001")
          .note("本校该条意见的编号（字母、数字和 -，至多 40 个字符）；同一编号再次上传即更正该记录",
              "The school's id of the suggestion (letters, digits and -, at most 40); the same id again corrects it"),
      Column.of("receivedOn", "收到日期", "Received on", ColumnType.DATE).mandatory().example(LocalDate.of(2026, 10, 9))
          .note("不得晚于今天", "Not in the future"),
      Column.ofEnum("category", "类别", "Category", List.of(
              new EnumValue("TEACHING", "教育教学", "Teaching"),
              new EnumValue("HOMEWORK", "作业", "Homework"),
              new EnumValue("SAFETY", "安全", "Safety"),
              new EnumValue("CATERING", "膳食", "Catering"),
              new EnumValue("FACILITIES", "设施", "Facilities"),
              new EnumValue("ACTIVITIES", "活动", "Activities"),
              new EnumValue("HOME_SCHOOL", "家校沟通", "Home–school"),
              new EnumValue("MANAGEMENT", "管理", "Management"),
              new EnumValue("OTHER", "其他", "Other")))
          .mandatory().example("CATERING"),
      Column.ofEnum("channel", "渠道", "Channel", List.of(
              new EnumValue("PARENT_STATION", "家长驿站", "Parent station"),
              new EnumValue("MAILBOX", "意见箱", "Mailbox"),
              new EnumValue("MEETING", "家长会", "Meeting"),
              new EnumValue("ONLINE", "网上", "Online")))
          .mandatory().example("MAILBOX"),
      Column.ofEnum("status", "状态", "Status", List.of(
              new EnumValue("OPEN", "处理中", "Open"),
              new EnumValue("RESOLVED", "已办结", "Resolved")))
          .mandatory().example("RESOLVED").note("已办结须填写办结日期", "A resolved suggestion needs its day of resolution"),
      Column.of("resolvedOn", "办结日期", "Resolved on", ColumnType.DATE).example(LocalDate.of(2026, 10, 20))
          .note("仅“已办结”时填写；不得早于收到日期，不得晚于今天", "Only when resolved; not before it was received, not in the future"),
      Column.of("reason", "更正原因", "Reason", ColumnType.TEXT).maxLength(500)
          .note("新记录不填；更正已记录的意见（如改为已办结）时必填", "Blank for a new record; required to correct a recorded one (e.g. resolve it)")));

  private final ParentSuggestions suggestions;
  private final PerRecordImport rows;

  SuggestionImport(ParentSuggestions suggestions, PerRecordImport rows) {
    this.suggestions = suggestions;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, SuggestionRequest.class, "suggestionId", PerRecordImport.RecordId.ID, Map.of(), (suggestionId, request) ->
        suggestions.save(schoolId, suggestionId, request).changed());
  }
}
