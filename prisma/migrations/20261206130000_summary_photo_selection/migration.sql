-- AlterTable
ALTER TABLE "event_photo" ADD COLUMN     "in_summary" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "selected_at" TIMESTAMPTZ(3);
