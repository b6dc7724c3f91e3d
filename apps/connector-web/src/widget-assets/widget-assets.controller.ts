import { Controller, Get, Header, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WidgetBundle } from './widget-bundle';

const JAVASCRIPT = 'text/javascript; charset=utf-8';

// Any site embeds the widget: the script may be loaded (and, with `crossorigin`, read) from
// every origin. Helmet's default Cross-Origin-Resource-Policy (same-origin) is replaced here.
function shareWithEveryOrigin(res: Response): void {
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.setHeader('Access-Control-Allow-Origin', '*');
}

/** The embeddable widget: the small loader and the content-hashed bundle it appends. */
@Controller()
export class WidgetAssetsController {
  constructor(private readonly widget: WidgetBundle) {}

  // Short-lived: a new build reaches every site within five minutes.
  @Get('widget.js')
  @Header('Content-Type', JAVASCRIPT)
  async loader(@Res({ passthrough: true }) res: Response): Promise<string> {
    const build = await this.widget.require();
    shareWithEveryOrigin(res);
    res.setHeader('Cache-Control', 'public, max-age=300');
    return build.loader;
  }

  // The name carries the content hash, so the file never changes: cached for a year.
  @Get('widget/:file')
  async bundle(@Param('file') file: string, @Req() req: Request, @Res() res: Response) {
    const build = await this.widget.bundleFile(file);
    shareWithEveryOrigin(res);
    res.setHeader('Content-Type', JAVASCRIPT);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('ETag', build.etag);
    if (req.headers['if-none-match'] === build.etag) {
      res.status(304).end();
      return;
    }
    res.status(200).end(build.bundle);
  }
}
