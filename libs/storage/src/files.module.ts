import { Global, Module } from '@nestjs/common';
import { SERVICE_ENV } from '@hub/service-kit';
import { FileLinks } from './links/file-links';
import { FileServer } from './serving/file-server';
import type { StorageEnv } from './storage-env';
import { createFileStorage } from './storage/create-file-storage';
import { FILE_STORAGE } from './storage/file-storage';
import { FileUploads } from './uploads/file-uploads';

/** Uploads, file links and serving for an edge whose env extends StorageEnv. */
@Global()
@Module({
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [SERVICE_ENV],
      useFactory: (env: StorageEnv) => createFileStorage(env),
    },
    FileLinks,
    FileUploads,
    FileServer,
  ],
  exports: [FILE_STORAGE, FileLinks, FileUploads, FileServer],
})
export class FilesModule {}
