import { CustomerContactBody } from './customer-contact-body';

/** `POST /api/v1/widget/profile`: the pre-chat form's answers (unverified). */
export class VisitorProfileDto extends CustomerContactBody {}
