export type Lesson = { id: string; courseId: string; title: string; durationSec: number };

export type Course = { id: string; title: string; lessonIds: string[] };

/** The course catalogue: courses and their video lessons, in order. */
export class Catalogue {
  private readonly lessons = new Map<string, Lesson>();
  private readonly courses = new Map<string, Course>();

  addCourse(course: { id: string; title: string }, lessons: Omit<Lesson, 'courseId'>[]): void {
    if (this.courses.has(course.id)) throw new Error(`course ${course.id} already exists`);
    for (const lesson of lessons) {
      if (!Number.isInteger(lesson.durationSec) || lesson.durationSec < 30) throw new Error(`lesson ${lesson.id}: duration must be a whole number of seconds, at least 30`);
      this.lessons.set(lesson.id, { ...lesson, courseId: course.id });
    }
    this.courses.set(course.id, { ...course, lessonIds: lessons.map((lesson) => lesson.id) });
  }

  lesson(id: string): Lesson {
    const lesson = this.lessons.get(id);
    if (!lesson) throw new Error(`unknown lesson ${id}`);
    return lesson;
  }

  course(id: string): Course {
    const course = this.courses.get(id);
    if (!course) throw new Error(`unknown course ${id}`);
    return course;
  }
}
