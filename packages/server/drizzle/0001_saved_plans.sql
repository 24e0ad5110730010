CREATE TABLE "saved_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"request" json NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"plan" json NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "saved_plans_created_idx" ON "saved_plans" USING btree ("created_at");