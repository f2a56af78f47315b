using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KyivScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appeals_Open_Direction_Executor_Due",
                table: "Appeals");

            migrationBuilder.DropIndex(
                name: "IX_Appeals_Open_Executor_Due",
                table: "Appeals");

            migrationBuilder.DropIndex(
                name: "IX_AppealDueDates_AppealId",
                table: "AppealDueDates");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_Closed_At",
                table: "Appeals",
                columns: new[] { "ClosedAt", "DirectionId", "ExecutorId", "DueAt" },
                filter: "\"ClosedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_Open_Direction_Executor_Due",
                table: "Appeals",
                columns: new[] { "DirectionId", "ExecutorId", "DueAt", "ExtensionCount", "IsPrivileged", "SerPlanIncludedAt" },
                filter: "\"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_Open_Executor_Due",
                table: "Appeals",
                columns: new[] { "ExecutorId", "DueAt", "IsPrivileged", "ExtensionCount", "SerPlanIncludedAt", "Status", "DirectionId" },
                filter: "\"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_RepeatOf",
                table: "Appeals",
                column: "RepeatOfId",
                filter: "\"RepeatOfId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AppealDueDates_AppealId_ChangedAt",
                table: "AppealDueDates",
                columns: new[] { "AppealId", "ChangedAt", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appeals_Closed_At",
                table: "Appeals");

            migrationBuilder.DropIndex(
                name: "IX_Appeals_Open_Direction_Executor_Due",
                table: "Appeals");

            migrationBuilder.DropIndex(
                name: "IX_Appeals_Open_Executor_Due",
                table: "Appeals");

            migrationBuilder.DropIndex(
                name: "IX_Appeals_RepeatOf",
                table: "Appeals");

            migrationBuilder.DropIndex(
                name: "IX_AppealDueDates_AppealId_ChangedAt",
                table: "AppealDueDates");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_Open_Direction_Executor_Due",
                table: "Appeals",
                columns: new[] { "DirectionId", "ExecutorId", "DueAt", "ExtensionCount", "IsPrivileged" },
                filter: "\"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_Open_Executor_Due",
                table: "Appeals",
                columns: new[] { "ExecutorId", "DueAt", "IsPrivileged", "ExtensionCount" },
                filter: "\"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AppealDueDates_AppealId",
                table: "AppealDueDates",
                column: "AppealId");
        }
    }
}
