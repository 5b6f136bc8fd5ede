package org.gongyu.school.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Rules;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence files of a self-evaluation. Writes: the school's users. Reads: any role may ask, and the
 * service answers only the school's users, its county's admins and the assessors cleared on the
 * application; everyone else gets 404 (ADR 0016).
 */
@Tag(name = "Evidence attachments · 佐证材料", description = "PDF/JPEG/PNG evidence of a self-evaluation · 自评佐证材料附件")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/demonstration/applications/{applicationId}/attachments")
class AttachmentController {

  private static final String ID = "[A-Za-z0-9_-]{1,40}";
  private static final String CODE = "[A-Za-z0-9._-]{1,40}";

  private final Attachments attachments;

  AttachmentController(Attachments attachments) {
    this.attachments = attachments;
  }

  /** An attachment's metadata and where to download it (a path under the gateway). */
  record AttachmentResponse(UUID id, UUID applicationId, int round, String criterionCode, String fileName,
      String contentType, long sizeBytes, String sha256, Instant uploadedAt, String href) {
    static AttachmentResponse of(String schoolId, Attachments.Meta m) {
      return new AttachmentResponse(m.id(), m.applicationId(), m.round(), m.criterionCode(), m.fileName(), m.contentType(),
          m.sizeBytes(), m.sha256(), m.uploadedAt(), AttachmentController.href(schoolId, m.applicationId(), m.id()));
    }
  }

  static String href(String schoolId, UUID applicationId, UUID id) {
    return "/api/school/schools/" + schoolId + "/demonstration/applications/" + applicationId + "/attachments/" + id;
  }

  @Operation(summary = "Attach a file to a criterion", description = "上传某评价要点的佐证材料（PDF/JPEG/PNG，按内容识别类型，默认不超过 10 MB）。"
      + "超限 413，类型不符 415，自评已提交 409。")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<AttachmentResponse> upload(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable UUID applicationId,
      @RequestParam("criterionCode") @Pattern(regexp = CODE) String criterionCode, @RequestPart("file") MultipartFile file,
      Authentication authentication) {
    if (file.getSize() > attachments.maxBytes()) {
      throw attachments.tooLarge(file.getSize());
    }
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Attachments.Meta m = attachments.upload(schoolId, applicationId, criterionCode, file.getOriginalFilename(), content,
        caller(authentication));
    return ResponseEntity.created(URI.create(href(schoolId, applicationId, m.id()))).body(AttachmentResponse.of(schoolId, m));
  }

  @Operation(summary = "List the attachments", description = "列出申报的全部佐证材料（元数据）。本校、本县管理员及已声明无利益冲突的评审专家可读，每次读取均留痕。")
  @GetMapping
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  List<AttachmentResponse> list(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable UUID applicationId,
      Authentication authentication) {
    return attachments.list(schoolId, applicationId, caller(authentication)).stream()
        .map(m -> AttachmentResponse.of(schoolId, m)).toList();
  }

  @Operation(summary = "Download an attachment", description = "下载佐证材料。本校、本县管理员及已声明无利益冲突的评审专家可读，其他人 404；每次读取均留痕。")
  @GetMapping("/{attachmentId}")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  ResponseEntity<byte[]> download(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable UUID applicationId,
      @PathVariable UUID attachmentId, @RequestParam(name = "inline", defaultValue = "false") boolean inline,
      Authentication authentication) {
    Attachments.File f = attachments.download(schoolId, applicationId, attachmentId, caller(authentication));
    ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
        .filename(f.meta().fileName(), StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(f.meta().contentType()))
        .contentLength(f.content().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(f.content());
  }

  @Operation(summary = "Delete an attachment", description = "删除佐证材料（仅限草稿轮次；自评提交后冻结，409）。")
  @DeleteMapping("/{attachmentId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Void> delete(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable UUID applicationId,
      @PathVariable UUID attachmentId) {
    attachments.delete(schoolId, applicationId, attachmentId);
    return ResponseEntity.noContent().build();
  }

  private static Caller caller(Authentication authentication) {
    return Caller.of(authentication).orElseThrow(() -> new IllegalStateException("no caller behind an authorised request"));
  }
}
