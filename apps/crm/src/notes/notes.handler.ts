import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AddNoteRequest, ListNotesRequest, SUBJECTS, type NoteView } from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { NotesService } from './notes.service';

@Controller()
export class NotesHandler {
  constructor(private readonly notes: NotesService) {}

  @RequestPattern(SUBJECTS.crm.addNote)
  add(@Payload() request: AddNoteRequest): Promise<NoteView> {
    return this.notes.add(request);
  }

  @RequestPattern(SUBJECTS.crm.listNotes)
  list(@Payload() request: ListNotesRequest): Promise<NoteView[]> {
    return this.notes.list(request);
  }
}
