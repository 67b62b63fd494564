"""The one exception the reader raises, with its messages in Vietnamese.

Callers (the upload view, the CLI) show ``str(error)`` to the officer as is.
"""

ERROR_EMPTY = "Tệp rỗng: không có nội dung để đọc."
ERROR_TOO_LARGE = "Tệp quá lớn (trên {limit_mb} MB): hãy tách hoặc nén nhỏ trước khi tải lên."
ERROR_UNSUPPORTED = "Không đọc được loại tệp “{suffix}”: hãy gửi tệp .docx, .doc, .pdf, .txt, .md, .png hoặc .jpg."
ERROR_CORRUPT_DOCX = "Tệp Word (.docx) bị hỏng hoặc không đúng định dạng: hãy mở bằng Word và lưu lại."
ERROR_ENCRYPTED_DOCX = "Tệp Word có đặt mật khẩu: hãy gỡ mật khẩu rồi gửi lại."
ERROR_ZIP_BOMB = "Tệp Word có nội dung nén bất thường (có thể là tệp độc hại): không đọc."
ERROR_CORRUPT_PDF = "Tệp PDF bị hỏng hoặc không đúng định dạng: không đọc được."
ERROR_ENCRYPTED_PDF = "Tệp PDF có đặt mật khẩu: hãy gỡ mật khẩu rồi gửi lại."
ERROR_CORRUPT_DOC = "Tệp Word cũ (.doc) bị hỏng hoặc không chuyển đổi được: hãy mở bằng Word và lưu thành .docx."
ERROR_CORRUPT_IMAGE = "Tệp ảnh bị hỏng hoặc không đúng định dạng: không đọc được."
ERROR_NO_TESSERACT = "Chưa cài Tesseract (gói tesseract-ocr, tesseract-ocr-vie): không đọc được bản quét."
ERROR_NO_TESSERACT_VIE = "Tesseract chưa có dữ liệu tiếng Việt (gói tesseract-ocr-vie): không đọc được bản quét."
ERROR_NO_LIBREOFFICE = "Chưa cài LibreOffice (gói libreoffice-writer): không đọc được tệp Word cũ (.doc)."
ERROR_CONVERT_TIMEOUT = "Chuyển đổi tệp quá lâu, đã dừng: hãy lưu tệp thành .docx rồi gửi lại."
ERROR_OCR_FAILED = "Không nhận dạng được chữ trong bản quét: hãy quét lại rõ hơn (ít nhất 200 dpi)."
ERROR_NO_TEXT = "Không tìm thấy chữ nào trong tệp: tệp trống hoặc chỉ có hình."
ERROR_ENCODING = "Tệp văn bản không đúng mã UTF-8 hoặc Windows-1258: hãy lưu lại với mã UTF-8."
ERROR_NOT_FOUND = "Không tìm thấy tệp: {path}"
ERROR_TOO_MANY_PAGES = "Bản quét quá dài (trên {limit} trang): hãy tách thành nhiều tệp."


class ReaderError(Exception):
    """An input the reader cannot read; ``str(error)`` is a message for the officer."""

    def __init__(self, message: str, *, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return self.message
