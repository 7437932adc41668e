import type { Language, NextAction, Stage } from './domain';
import type { ExportKind } from './exportTypes';
import type { OrderState } from './orders';

/*
 * The words of exported files: column headers and the values that are names of things (stage,
 * next action, …), in the language of the settings. Main writes the files, so these live here
 * rather than in the renderer's i18n; status labels come from the status catalogue itself.
 */

export type LeadColumn =
  | 'name'
  | 'phone'
  | 'phone2'
  | 'source'
  | 'stage'
  | 'customerStatus'
  | 'nextAction'
  | 'nextActionAt'
  | 'lastOutcome'
  | 'note'
  | 'gender'
  | 'birthYear'
  | 'province'
  | 'district'
  | 'address'
  | 'doNotCall'
  | 'phoneWrong'
  | 'receivedAt'
  | 'updatedAt'
  | 'id';

export type CallColumn =
  | 'startedAt'
  | 'answeredAt'
  | 'endedAt'
  | 'talkSeconds'
  | 'direction'
  | 'via'
  | 'number'
  | 'leadName'
  | 'source'
  | 'endCause'
  | 'outcome'
  | 'outcomeNote'
  | 'agent'
  | 'id';

export type OrderColumn =
  | 'createdAt'
  | 'leadName'
  | 'phone'
  | 'source'
  | 'items'
  | 'quantity'
  | 'total'
  | 'payment'
  | 'state'
  | 'deliveryAddress'
  | 'note'
  | 'agent'
  | 'updatedAt'
  | 'id';

export interface ColumnOf {
  leads: LeadColumn;
  calls: CallColumn;
  orders: OrderColumn;
}

type Headers = { [K in ExportKind]: Record<ColumnOf[K], string> };

const headers: Record<Language, Headers> = {
  vi: {
    leads: {
      name: 'Họ tên',
      phone: 'Số điện thoại',
      phone2: 'Số điện thoại 2',
      source: 'Nguồn',
      stage: 'Thư mục',
      customerStatus: 'Trạng thái khách hàng',
      nextAction: 'Tác nghiệp cần',
      nextActionAt: 'Gọi lại lúc',
      lastOutcome: 'Kết quả gần nhất',
      note: 'Ghi chú',
      gender: 'Giới tính',
      birthYear: 'Năm sinh',
      province: 'Tỉnh/Thành phố',
      district: 'Quận/Huyện',
      address: 'Địa chỉ',
      doNotCall: 'Không gọi lại',
      phoneWrong: 'Sai số',
      receivedAt: 'Thời gian nhận',
      updatedAt: 'Cập nhật lúc',
      id: 'Mã data',
    },
    calls: {
      startedAt: 'Bắt đầu',
      answeredAt: 'Nghe máy lúc',
      endedAt: 'Kết thúc',
      talkSeconds: 'Thời gian đàm thoại (giây)',
      direction: 'Chiều gọi',
      via: 'Gọi bằng',
      number: 'Số gọi',
      leadName: 'Khách hàng',
      source: 'Nguồn',
      endCause: 'Lý do kết thúc',
      outcome: 'Kết quả cuộc gọi',
      outcomeNote: 'Ghi chú',
      agent: 'Nhân viên',
      id: 'Mã cuộc gọi',
    },
    orders: {
      createdAt: 'Ngày tạo',
      leadName: 'Khách hàng',
      phone: 'Số điện thoại',
      source: 'Nguồn',
      items: 'Sản phẩm',
      quantity: 'Số lượng',
      total: 'Tổng tiền (VNĐ)',
      payment: 'Thanh toán',
      state: 'Trạng thái đơn',
      deliveryAddress: 'Địa chỉ giao hàng',
      note: 'Ghi chú',
      agent: 'Nhân viên',
      updatedAt: 'Cập nhật lúc',
      id: 'Mã đơn',
    },
  },
  en: {
    leads: {
      name: 'Name',
      phone: 'Phone',
      phone2: 'Phone 2',
      source: 'Source',
      stage: 'Folder',
      customerStatus: 'Customer status',
      nextAction: 'Next action',
      nextActionAt: 'Call back at',
      lastOutcome: 'Last outcome',
      note: 'Note',
      gender: 'Gender',
      birthYear: 'Birth year',
      province: 'Province/City',
      district: 'District',
      address: 'Address',
      doNotCall: 'Do not call',
      phoneWrong: 'Wrong number',
      receivedAt: 'Received at',
      updatedAt: 'Updated at',
      id: 'Lead id',
    },
    calls: {
      startedAt: 'Started',
      answeredAt: 'Answered',
      endedAt: 'Ended',
      talkSeconds: 'Talk time (s)',
      direction: 'Direction',
      via: 'Via',
      number: 'Number',
      leadName: 'Customer',
      source: 'Source',
      endCause: 'End cause',
      outcome: 'Outcome',
      outcomeNote: 'Note',
      agent: 'Agent',
      id: 'Call id',
    },
    orders: {
      createdAt: 'Created',
      leadName: 'Customer',
      phone: 'Phone',
      source: 'Source',
      items: 'Products',
      quantity: 'Quantity',
      total: 'Total (VND)',
      payment: 'Payment',
      state: 'Order state',
      deliveryAddress: 'Delivery address',
      note: 'Note',
      agent: 'Agent',
      updatedAt: 'Updated at',
      id: 'Order id',
    },
  },
};

export function exportHeader<K extends ExportKind>(
  kind: K,
  column: ColumnOf[K],
  language: Language,
): string {
  return (headers[language][kind] as Record<string, string>)[column]!;
}

interface ValueTexts {
  stage: Record<Stage, string>;
  nextAction: Record<NextAction, string>;
  direction: Record<'outbound' | 'inbound', string>;
  via: Record<'softphone' | 'manual', string>;
  payment: Record<'pending' | 'paid', string>;
  orderState: Record<OrderState, string>;
  gender: Record<'' | 'male' | 'female' | 'other', string>;
  yes: string;
  no: string;
  /** Sheet names (31 characters at most, Excel's limit). */
  sheet: Record<ExportKind, string>;
}

const values: Record<Language, ValueTexts> = {
  vi: {
    stage: { new: 'Data mới', contact: 'Data contact', order: 'Đơn hàng' },
    nextAction: { call_now: 'Gọi ngay bây giờ', callback: 'Gọi lại', none: '' },
    direction: { outbound: 'Gọi đi', inbound: 'Gọi đến' },
    via: { softphone: 'Softphone', manual: 'Máy khác' },
    payment: { pending: 'Chưa thanh toán', paid: 'Đã thanh toán' },
    orderState: {
      new: 'Mới',
      confirmed: 'Đã xác nhận',
      shipping: 'Đang giao',
      delivered: 'Đã giao',
      cancelled: 'Đã huỷ',
    },
    gender: { '': '', male: 'Nam', female: 'Nữ', other: 'Khác' },
    yes: 'Có',
    no: '',
    sheet: { leads: 'Data', calls: 'Cuộc gọi', orders: 'Đơn hàng' },
  },
  en: {
    stage: { new: 'New data', contact: 'Contact data', order: 'Orders' },
    nextAction: { call_now: 'Call now', callback: 'Call back', none: '' },
    direction: { outbound: 'Outbound', inbound: 'Inbound' },
    via: { softphone: 'Softphone', manual: 'Other phone' },
    payment: { pending: 'Not paid', paid: 'Paid' },
    orderState: {
      new: 'New',
      confirmed: 'Confirmed',
      shipping: 'Shipping',
      delivered: 'Delivered',
      cancelled: 'Cancelled',
    },
    gender: { '': '', male: 'Male', female: 'Female', other: 'Other' },
    yes: 'Yes',
    no: '',
    sheet: { leads: 'Leads', calls: 'Calls', orders: 'Orders' },
  },
};

export function exportTexts(language: Language): ValueTexts {
  return values[language];
}
