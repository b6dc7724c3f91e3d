import { Module } from '@nestjs/common';
import { WidgetAssetsController } from './widget-assets.controller';
import { WidgetBundle } from './widget-bundle';

@Module({ controllers: [WidgetAssetsController], providers: [WidgetBundle] })
export class WidgetAssetsModule {}
