/** A mail refused for good or for now, with the SMTP reply code and text the sender gets. */
export class MailRefused extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'MailRefused';
  }
}
