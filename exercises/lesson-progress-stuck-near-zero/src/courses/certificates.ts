import type { Course } from '../catalog/lessons';

export type Certificate = { id: string; learnerId: string; courseId: string; issuedAt: string };

/** Issues a course certificate once every lesson of the course is complete. */
export class CertificateDesk {
  private readonly issued = new Map<string, Certificate>();
  private sequence = 0;

  checkCourse(learnerId: string, course: Course, isComplete: (lessonId: string) => boolean): Certificate | null {
    const key = `${learnerId}/${course.id}`;
    const existing = this.issued.get(key);
    if (existing) return existing;
    if (!course.lessonIds.every(isComplete)) return null;
    this.sequence += 1;
    const certificate = { id: `CERT-${String(this.sequence).padStart(6, '0')}`, learnerId, courseId: course.id, issuedAt: new Date().toISOString() };
    this.issued.set(key, certificate);
    return certificate;
  }

  find(learnerId: string, courseId: string): Certificate | null {
    return this.issued.get(`${learnerId}/${courseId}`) ?? null;
  }
}
