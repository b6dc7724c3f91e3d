import { Controller, Get, Header, StreamableFile } from '@nestjs/common';

export const LINE_VIDEO_PREVIEW_PATH = 'line/video-preview.png';

// A 240×240 PNG, a white play button on slate. LINE's video message must name a preview image
// and the hub makes no video thumbnails, so every video it sends shows this one until played.
const PREVIEW_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAPAAAADwCAIAAACxN37FAAADVElEQVR42u3dy03EMBRA0VRDAaxogCZYp/8WjMQGsUCDhkHE9x3rVuB3NBrl4xxPzy9SpsMWCGgJaAloCWgBLQEtAS0BLQEtoCWgJaAloCWgBbQEtAS0BLQEtICWgJaAloCWgBbQEtAS0BLQEtACWgJaAloCWgJaQEtAS0BLQAtoCWgJaAloCWgBLQEtAS0BLQEtoCWgJaAloCWgBbQEtAS0BLQEtICWgJaAloCWgBbQut3r2/mbbCDQ2yOGG+gsYriBjlPGGuiaY7KBzlLGGuggZayBbmpmGugUZayBbmpmGugUZayBbmpmGuiaZqYPlKsBTTPTQNPMNNA0Mw00zUwDTfMw00ADDTTNTANNM9NA08w00EADTTPTQNPMNNBAAw30pTSvtZgGuvPbvD4W00CnQDdYA+2v8xfQAdZAA71KpoGefmVjfb+YBjoFelPWQAO9SqyBHn0nZf14MQ10CvRGrIGee6N73bWYBjoF+vqmgQY6xRpooFOsgR76pOh63GIa6BToq5kGGugUa6CBTrEGeuKrVusvF9NAp0D/O2uggU6xBhroFGuggU6ZBhroFGuggU6xBhrolGmggU6xBhroFGuggU6xBhpov9BAA+0/NNBAu8oBtOvQQAPtTiHQQHuWA2igPW0HtOehgQbaGytAA+2dQqC99U0z0EA7lwNoJycBDbSz7YBm2umjQAPtfGig66Cd4A90B7RvrAB9UdO+ggX0UNC+Uwj0BqZpBnoWaN/6BjoCejvKQDN9lijHNAP9GND7agaa6TNDuacZ6PtB704ZaKY/QdMMdP/VLJqBBhpooJmmeSxopkdpBhpooJmmGWimaQaaaZqBBhpopmkGmmmagWaaZqCZphlops+ZY50LOsx68kCng+6ZHj5NoFOmjRLoCGvjA7pj2uCAjrA2LKA7po0J6AhrowE6wto4gC7ItvlAR1jbcKC3x21jgd4etw0EWgJaQEtAS0BLQEtAC2gJaAloCWgJaAEtAS0BLQEtoCWgJaAloCWgBbQEtAS0BLQEtICWgJaAloCWgBbQEtAS0BLQEtACWgJaAloCWgJaQEtAS0BLQEtAC2gJaAloCWgBbQsEtAS0BLQEtICWgJaAloCWgBbQEtAS0BLQ0o3eAZBff4RLO2+JAAAAAElFTkSuQmCC',
  'base64',
);

/** Serves the preview LINE shows for a video reply (LINE fetches it from SOCIAL_PUBLIC_URL). */
@Controller()
export class LineVideoPreviewController {
  @Get(LINE_VIDEO_PREVIEW_PATH)
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  preview(): StreamableFile {
    return new StreamableFile(PREVIEW_PNG, { type: 'image/png' });
  }
}
