/** Where supervision notices go (the supervision topic: e-mail and webhooks of the supervisors). */
export interface Notice {
  subject: string;
  message: string;
}

export interface Notifier {
  publish(notice: Notice): Promise<void>;
}
