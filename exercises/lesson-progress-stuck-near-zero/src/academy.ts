import { Catalogue } from './catalog/lessons';
import { CertificateDesk } from './courses/certificates';
import { CourseService } from './courses/course-service';
import { EventLog } from './logger';
import { ProgressBook } from './progress/lesson-progress';

/** Wires the learning platform's back end as production does, with in-memory stores. */
export function createAcademy() {
  const catalogue = new Catalogue();
  const progress = new ProgressBook();
  const certificates = new CertificateDesk();
  const log = new EventLog();
  const courses = new CourseService({ catalogue, progress, certificates, log });
  return { catalogue, progress, certificates, log, courses };
}
