// Vietnamese is the default language: every UI string lives here and in en.ts, with the same keys.
export const vi = {
  app: {
    title: 'LeadPhone',
    loading: 'Đang tải…',
    language: 'Ngôn ngữ',
  },
  stage: {
    new: 'Data mới',
    contact: 'Data contact',
    order: 'Đơn hàng',
  },
  queue: {
    label: 'Danh sách data',
    loadMore: 'Tải thêm',
    loadError: 'Không tải được danh sách: {{message}}',
    retry: 'Thử lại',
  },
  column: {
    name: 'Họ tên',
    phone: 'Số điện thoại',
    source: 'Nguồn',
    customerStatus: 'Trạng thái khách hàng',
    nextAction: 'Tác nghiệp cần',
    receivedAt: 'Thời gian nhận',
  },
  nextAction: {
    call_now: 'Gọi ngay bây giờ',
    callback: 'Gọi lại lúc {{time}}',
    none: '—',
  },
  empty: {
    title: 'Chưa có data nào',
    new: 'Thêm data mới hoặc nhập danh sách từ Marketing để bắt đầu gọi.',
    other: 'Chưa có data nào trong mục này.',
    add: 'Thêm data',
  },
  addLead: {
    open: 'Thêm data',
    title: 'Thêm data mới',
    name: 'Họ tên',
    phone: 'Số điện thoại',
    phoneHint: 'Ví dụ: 0912 345 678',
    source: 'Nguồn / chiến dịch',
    note: 'Ghi chú',
    save: 'Lưu',
    cancel: 'Huỷ',
    saving: 'Đang lưu…',
    saved: 'Đã thêm {{name}}',
  },
  errors: {
    name_required: 'Vui lòng nhập họ tên.',
    phone_required: 'Vui lòng nhập số điện thoại.',
    phone_invalid:
      'Số điện thoại không hợp lệ. Kiểm tra lại số chữ số và đầu số (ví dụ 0912 345 678).',
    phone_duplicate: 'Số điện thoại này đã có trong danh sách.',
    too_long: 'Nội dung quá dài.',
    invalid_value: 'Giá trị không hợp lệ.',
    cursor_invalid: 'Vị trí danh sách không hợp lệ; hãy tải lại.',
    code: {
      invalid_input: 'Dữ liệu nhập chưa đúng.',
      unknown_method: 'Yêu cầu không được hỗ trợ.',
      not_found: 'Không tìm thấy.',
      duplicate_lead: 'Data này đã tồn tại.',
      db_too_new: 'Cơ sở dữ liệu được tạo bởi phiên bản LeadPhone mới hơn. Hãy cập nhật ứng dụng.',
      forbidden: 'Không được phép.',
      transport_closed: 'Mất kết nối với LeadPhone. Đang thử kết nối lại…',
      internal: 'Đã có lỗi trong LeadPhone; lỗi đã được ghi lại.',
    },
  },
  shortcuts: {
    addLead: 'Phím tắt: N',
  },
};

export type Messages = typeof vi;
