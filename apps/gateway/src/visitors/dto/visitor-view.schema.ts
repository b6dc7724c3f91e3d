import { ApiProperty } from '@nestjs/swagger';
import type {
  InvitationStatus,
  InvitationView,
  TrailPageView,
  UtmView,
  VisitorDevice,
  VisitorTrailView,
  VisitorView,
  VisitSource,
} from '@hub/contracts';

// OpenAPI shapes of the live-visitor views (the types themselves are in @hub/contracts).

const nullableText = { type: String, nullable: true } as const;

export class UtmSchema implements UtmView {
  @ApiProperty(nullableText) source!: string | null;
  @ApiProperty(nullableText) medium!: string | null;
  @ApiProperty(nullableText) campaign!: string | null;
  @ApiProperty(nullableText) term!: string | null;
  @ApiProperty(nullableText) content!: string | null;
}

export class VisitorViewSchema implements VisitorView {
  @ApiProperty({ format: 'uuid' }) visitorId!: string;
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty({ format: 'uuid' }) inboxId!: string;
  @ApiProperty({ format: 'uuid', ...nullableText, description: 'Once the visitor has chatted' })
  customerId!: string | null;
  @ApiProperty({ format: 'uuid' }) visitId!: string;
  @ApiProperty({ description: 'As the browser reported it; text, never markup' })
  currentUrl!: string;
  @ApiProperty({ description: 'As the page said it; text, never markup' }) currentTitle!: string;
  @ApiProperty({ enum: ['direct', 'search', 'social', 'campaign', 'referral'] })
  source!: VisitSource;
  @ApiProperty({ ...nullableText, example: 'Google' }) searchEngine!: string | null;
  @ApiProperty({ ...nullableText, description: 'When the search referrer carried it' })
  searchKeyword!: string | null;
  @ApiProperty(nullableText) referrer!: string | null;
  @ApiProperty({ type: UtmSchema }) utm!: UtmView;
  @ApiProperty({ ...nullableText, description: 'ISO 3166-1 alpha-2, from the client IP' })
  country!: string | null;
  @ApiProperty(nullableText) city!: string | null;
  @ApiProperty(nullableText) browser!: string | null;
  @ApiProperty(nullableText) os!: string | null;
  @ApiProperty({ enum: ['desktop', 'mobile', 'tablet'], nullable: true })
  device!: VisitorDevice | null;
  @ApiProperty() firstVisit!: boolean;
  @ApiProperty() visitCount!: number;
  @ApiProperty({ description: 'Pages of the current visit' }) pagesViewed!: number;
  @ApiProperty({ description: "The visitor's conversations in the inbox so far" })
  conversationCount!: number;
  @ApiProperty({ description: 'Has an open, assigned or pending conversation' }) chatting!: boolean;
  @ApiProperty({ format: 'date-time' }) onlineSince!: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt!: string;
}

export class TrailPageSchema implements TrailPageView {
  @ApiProperty({ format: 'uuid' }) visitId!: string;
  @ApiProperty() url!: string;
  @ApiProperty() title!: string;
  @ApiProperty(nullableText) referrer!: string | null;
  @ApiProperty({ format: 'date-time' }) viewedAt!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Known once the visitor left the page',
  })
  durationMs!: number | null;
}

export class VisitorTrailSchema implements VisitorTrailView {
  @ApiProperty({ format: 'uuid' }) visitorId!: string;
  @ApiProperty({ type: [TrailPageSchema], description: 'Oldest first, across visits' })
  pages!: TrailPageView[];
}

export class InvitationViewSchema implements InvitationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) visitorId!: string;
  @ApiProperty({ format: 'uuid', ...nullableText, description: 'null for an auto-invite rule' })
  agentId!: string | null;
  @ApiProperty() message!: string;
  @ApiProperty({ enum: ['sent', 'accepted', 'dismissed', 'expired'] }) status!: InvitationStatus;
  @ApiProperty({ format: 'uuid', ...nullableText }) conversationId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
